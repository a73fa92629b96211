# Stand-in for upstream's GPT_SoVITS/sv.py: the module-level model path SV() loads (hard-wired upstream).
sv_path = "GPT_SoVITS/pretrained_models/sv/pretrained_eres2netv2w24s4ep4.ckpt"
