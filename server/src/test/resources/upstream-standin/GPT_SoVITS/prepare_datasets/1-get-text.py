# Stand-in for upstream's 1-get-text.py: same env vars, same outputs, no models.
import os
import sys

import _standin

inp_text = os.environ.get("inp_text")
inp_wav_dir = os.environ.get("inp_wav_dir")
i_part = os.environ.get("i_part")
all_parts = os.environ.get("all_parts")
opt_dir = os.environ.get("opt_dir")
bert_pretrained_dir = os.environ.get("bert_pretrained_dir")
workspace = os.path.dirname(opt_dir)
_standin.record(workspace, "1-get-text")
b = _standin.behaviour(workspace, "1-get-text")
_standin.exit_if_asked(b, i_part)

txt_path = "%s/2-name2text-%s.txt" % (opt_dir, i_part)
if not os.path.exists(txt_path):
    bert_dir = "%s/3-bert" % opt_dir
    os.makedirs(bert_dir, exist_ok=True)
    if not os.path.exists(bert_pretrained_dir):
        raise FileNotFoundError(bert_pretrained_dir)
    language_v1_to_language_v2 = {"ZH": "zh", "zh": "zh", "JP": "ja", "jp": "ja", "JA": "ja", "ja": "ja",
                                  "EN": "en", "en": "en", "En": "en", "KO": "ko", "Ko": "ko", "ko": "ko",
                                  "yue": "yue", "YUE": "yue", "Yue": "yue"}
    res = []
    for line in _standin.lines_of_part(inp_text, i_part, all_parts):
        try:
            wav_name, spk_name, language, text = line.split("|")
            if language not in language_v1_to_language_v2:
                print(f"\033[33m[Waring] The {language = } of {wav_name} is not supported for training.\033[0m")
                continue
            name = os.path.basename(wav_name)
            print(name)
            phones = " ".join(c for c in text if not c.isspace())
            word2ph = " ".join("1" for c in text if not c.isspace())
            if language_v1_to_language_v2[language] == "zh":
                _standin.my_save("bert of %s" % name, "%s/%s.pt" % (bert_dir, name), i_part)
            res.append([name, phones, word2ph, text])
        except Exception:
            print(line, "unreadable")
    with open(txt_path, "w", encoding="utf8") as f:
        f.write("".join("%s\t%s\t%s\t%s\n" % tuple(r) for r in res))
