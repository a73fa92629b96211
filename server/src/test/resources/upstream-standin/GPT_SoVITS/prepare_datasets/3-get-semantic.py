# Stand-in for upstream's 3-get-semantic.py: 6-name2semantic-{i_part}.tsv from 4-cnhubert.
import os

import _standin

inp_text = os.environ.get("inp_text")
i_part = os.environ.get("i_part")
all_parts = os.environ.get("all_parts")
opt_dir = os.environ.get("opt_dir")
workspace = os.path.dirname(opt_dir)
_standin.record(workspace, "3-get-semantic")
b = _standin.behaviour(workspace, "3-get-semantic")
_standin.exit_if_asked(b, i_part)
for key in ("pretrained_s2G", "s2config_path"):
    if not os.path.exists(os.environ.get(key)):
        raise FileNotFoundError(os.environ.get(key))
semantic_path = "%s/6-name2semantic-%s.tsv" % (opt_dir, i_part)
if not os.path.exists(semantic_path):
    hubert_dir = "%s/4-cnhubert" % opt_dir
    lines = []
    for line in _standin.lines_of_part(inp_text, i_part, all_parts):
        wav_name = os.path.basename(line.split("|")[0])
        if not os.path.exists("%s/%s.pt" % (hubert_dir, wav_name)):
            continue
        codes = " ".join(str((len(wav_name) * 7 + i * 13) % 1024) for i in range(12))
        lines.append("%s\t%s" % (wav_name, codes))
    with open(semantic_path, "w", encoding="utf8") as f:
        f.write("\n".join(lines))
