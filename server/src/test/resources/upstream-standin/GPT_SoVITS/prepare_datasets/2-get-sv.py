# Stand-in for upstream's 2-get-sv.py: 7-sv_cn/<name>.pt from 5-wav32k/<name>.
import os

import _standin

inp_text = os.environ.get("inp_text")
i_part = os.environ.get("i_part")
all_parts = os.environ.get("all_parts")
opt_dir = os.environ.get("opt_dir")
workspace = os.path.dirname(opt_dir)
_standin.record(workspace, "2-get-sv")
b = _standin.behaviour(workspace, "2-get-sv")
_standin.exit_if_asked(b, i_part)
if not os.path.exists(os.environ.get("sv_path")):
    raise FileNotFoundError(os.environ.get("sv_path"))
sv_cn_dir = "%s/7-sv_cn" % opt_dir
wav32dir = "%s/5-wav32k" % opt_dir
os.makedirs(sv_cn_dir, exist_ok=True)
for line in _standin.lines_of_part(inp_text, i_part, all_parts):
    wav_name = os.path.basename(line.split("|")[0])
    if os.path.exists("%s/%s.pt" % (sv_cn_dir, wav_name)) or not os.path.exists("%s/%s" % (wav32dir, wav_name)):
        continue
    _standin.my_save("sv of %s" % wav_name, "%s/%s.pt" % (sv_cn_dir, wav_name), i_part)
