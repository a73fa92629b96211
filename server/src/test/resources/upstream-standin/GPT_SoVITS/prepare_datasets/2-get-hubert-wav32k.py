# Stand-in for upstream's 2-get-hubert-wav32k.py: 4-cnhubert/<name>.pt and 5-wav32k/<name>.
import os
import shutil

import _standin

inp_text = os.environ.get("inp_text")
inp_wav_dir = os.environ.get("inp_wav_dir")
i_part = os.environ.get("i_part")
all_parts = os.environ.get("all_parts")
opt_dir = os.environ.get("opt_dir")
workspace = os.path.dirname(opt_dir)
_standin.record(workspace, "2-get-hubert-wav32k")
b = _standin.behaviour(workspace, "2-get-hubert-wav32k")
_standin.exit_if_asked(b, i_part)
if not os.path.exists(os.environ.get("cnhubert_base_dir")):
    raise FileNotFoundError(os.environ.get("cnhubert_base_dir"))
hubert_dir = "%s/4-cnhubert" % opt_dir
wav32dir = "%s/5-wav32k" % opt_dir
os.makedirs(hubert_dir, exist_ok=True)
os.makedirs(wav32dir, exist_ok=True)
for line in _standin.lines_of_part(inp_text, i_part, all_parts):
    wav_name, spk_name, language, text = line.split("|")
    wav_path = "%s/%s" % (inp_wav_dir, os.path.basename(wav_name)) if inp_wav_dir else wav_name
    wav_name = os.path.basename(wav_name)
    if os.path.exists("%s/%s.pt" % (hubert_dir, wav_name)):
        continue
    if not os.path.exists(wav_path):
        print(wav_name, "Traceback: cannot read", wav_path)
        continue
    shutil.copyfile(wav_path, "%s/%s" % (wav32dir, wav_name))
    _standin.my_save("ssl of %s" % wav_name, "%s/%s.pt" % (hubert_dir, wav_name), i_part)
