# Stand-in for upstream's s1_train.py (PyTorch Lightning): reads the same YAML, resumes from the newest
# <output_dir>/ckpt/epoch=E-step=S.ckpt, draws Lightning's bar on stderr, saves <exp>-e<E>.ckpt weights.
import argparse
import json
import os
import re
import subprocess
import sys
import time

import _standin

parser = argparse.ArgumentParser()
parser.add_argument("-c", "--config_file", type=str, default="configs/s1longer.yaml")
parser.add_argument("--rank", type=int, default=None)
args = parser.parse_args()
config = _standin.read_simple_yaml(args.config_file)
output_dir = config["output_dir"]
workspace = os.path.dirname(os.path.dirname(output_dir))
b = _standin.behaviour(workspace, "s1_train")
train = config["train"]


def get_newest_ckpt(names):
    pattern = re.compile(r"epoch=(\d+)-step=(\d+)\.ckpt")
    found = sorted((tuple(int(x) for x in pattern.match(n).groups()), n) for n in names if pattern.match(n))
    return found[-1][1]


def main():
    _standin.record(workspace, "s1_train")
    ckpt_dir = os.path.join(output_dir, "ckpt")
    os.makedirs(ckpt_dir, exist_ok=True)
    workers = [subprocess.Popen([sys.executable, "-s", __file__, "-c", args.config_file, "--rank", str(rank)])
               for rank in range(1, int(b.get("workers", 1)))]
    loader = _standin.start_loader_child()
    try:
        fit(ckpt_dir)
    finally:
        loader.kill()
        loader.wait()
        for w in workers:
            w.terminate()
            w.wait()
    _standin.exit_if_asked(b)


def fit(ckpt_dir):
    try:
        newest = get_newest_ckpt(os.listdir(ckpt_dir))
        ckpt_path = os.path.join(ckpt_dir, newest)
    except Exception:
        ckpt_path = None
    print("ckpt_path:", ckpt_path)
    steps = int(b.get("steps", 4))
    start, global_step = 0, 0
    if ckpt_path:
        print("Restoring states from the checkpoint path at %s" % ckpt_path, file=sys.stderr)
        with open(ckpt_path) as f:
            saved = json.load(f)
        start, global_step = saved["epoch"] + 1, saved["step"]
    seconds = float(b.get("epoch_seconds", 0.2)) / steps
    for epoch in range(start, train["epochs"]):
        for i in range(1, steps + 1):
            time.sleep(seconds)
            global_step += 1
            pct = int(100 * i / steps)
            sys.stderr.write("\rEpoch %d: %3d%%|%-10s| %d/%d [00:01<00:00,  3.00it/s, v_num=0, total_loss_step=%.3f, "
                             "lr_step=%.4f, top_3_acc_step=%.3f]" % (epoch, pct, "#" * (pct // 10), i, steps,
                                                                      300.0 / (1 + global_step), 0.002, 0.1 + 0.01 * global_step))
            sys.stderr.flush()
        sys.stderr.write("\n")
        if b.get("fail_at_epoch") == epoch + 1:
            raise SystemExit("stand-in fails at epoch %d as asked" % (epoch + 1))
        if (epoch + 1) % train["save_every_n_epoch"] == 0:
            to_clean = list(os.listdir(ckpt_dir)) if train["if_save_latest"] else []
            with open(os.path.join(ckpt_dir, "epoch=%d-step=%d.ckpt" % (epoch, global_step)), "w") as f:
                json.dump({"epoch": epoch, "step": global_step}, f)
            for name in to_clean:
                os.remove(os.path.join(ckpt_dir, name))
            if train["if_save_every_weights"]:
                _standin.my_save(json.dumps({"info": "GPT-e%s" % (epoch + 1)}), "%s/%s-e%s.ckpt"
                                 % (train["half_weights_save_dir"], train["exp_name"], epoch + 1))


if __name__ == "__main__":
    if args.rank is None:
        main()
    else:
        import signal
        child = _standin.start_loader_child()
        signal.signal(signal.SIGTERM, lambda *_: (child.kill(), child.wait(), sys.exit(0)))
        while True:
            time.sleep(0.1)
