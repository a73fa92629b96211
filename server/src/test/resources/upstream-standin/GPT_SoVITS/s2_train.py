# Stand-in for upstream's s2_train.py: reads the same config, resumes from the newest G_*.pth in
# <exp_dir>/logs_s2_<version>, spawns DDP-like worker processes, logs upstream's lines, saves weights.
import argparse
import glob
import json
import logging
import os
import random
import subprocess
import sys
import time

import _standin

parser = argparse.ArgumentParser()
parser.add_argument("-c", "--config", type=str, default="./configs/s2.json")
parser.add_argument("--rank", type=int, default=None)
args = parser.parse_args()
with open(args.config) as f:
    text = f.read()
hps = json.loads(text)
exp_dir = hps["data"]["exp_dir"]
workspace = os.path.dirname(exp_dir)
os.makedirs(hps["s2_ckpt_dir"], exist_ok=True)
with open(os.path.join(hps["s2_ckpt_dir"], "config.json"), "w") as f:
    f.write(text)
os.environ["CUDA_VISIBLE_DEVICES"] = hps["train"]["gpu_numbers"].replace("-", ",")
b = _standin.behaviour(workspace, "s2_train")


def main():
    _standin.record(workspace, "s2_train")
    os.environ["MASTER_ADDR"] = "localhost"
    os.environ["MASTER_PORT"] = str(random.randint(20000, 55555))
    workers = [subprocess.Popen([sys.executable, "-s", __file__, "--config", args.config, "--rank", str(rank)])
               for rank in range(int(b.get("workers", 1)))]
    codes = [w.wait() for w in workers]
    for rank, code in enumerate(codes):
        if code != 0:
            print("torch.multiprocessing.spawn.ProcessExitedException: process %d terminated with exit code %d"
                  % (rank, code), file=sys.stderr)
            sys.exit(1)


def latest_checkpoint_path(dir_path, regex="G_*.pth"):
    f_list = glob.glob(os.path.join(dir_path, regex))
    f_list.sort(key=lambda f: int("".join(filter(str.isdigit, f))))
    x = f_list[-1]
    print(x)
    return x


def run(rank):
    loader = _standin.start_loader_child()
    try:
        train_and_log(rank, loader)
    finally:
        loader.kill()
        loader.wait()


def train_and_log(rank, loader):
    logging.basicConfig(stream=sys.stdout, level=logging.INFO)
    logger = logging.getLogger(os.path.basename(exp_dir))
    if rank == 0:
        handler = logging.FileHandler(os.path.join(exp_dir, "train.log"))
        handler.setFormatter(logging.Formatter("%(asctime)s\t%(name)s\t%(levelname)s\t%(message)s"))
        logger.addHandler(handler)
        logger.info(hps)
    train, version = hps["train"], hps["model"]["version"]
    ckpt_dir = "%s/logs_s2_%s" % (exp_dir, version)
    steps = int(b.get("steps", 4))
    try:
        with open(latest_checkpoint_path(ckpt_dir, "G_*.pth")) as f:
            epoch_str = json.load(f)["iteration"] + 1
        if rank == 0:
            logger.info("loaded D")
        global_step = (epoch_str - 1) * steps
    except Exception:
        epoch_str, global_step = 1, 0
        if train["pretrained_s2G"] and os.path.exists(train["pretrained_s2G"]):
            if rank == 0:
                logger.info("loaded pretrained %s" % train["pretrained_s2G"])
            print("loaded pretrained %s" % train["pretrained_s2G"], "<All keys matched successfully>")
    print("start training from epoch %s" % epoch_str)
    seconds = float(b.get("epoch_seconds", 0.2)) / steps
    for epoch in range(epoch_str, train["epochs"] + 1):
        for batch_idx in range(steps):
            if rank == 0:
                bar(batch_idx, steps)
                if global_step % train["log_interval"] == 0:
                    logger.info("Train Epoch: {} [{:.0f}%]".format(epoch, 100.0 * batch_idx / steps))
                    losses = [round(3.0 / (1 + global_step * 0.1 + i), 4) for i in range(6)]
                    logger.info(losses + [global_step, train["learning_rate"] * train["lr_decay"] ** epoch])
            time.sleep(seconds)
            global_step += 1
        if rank == 0:
            bar(steps, steps)
            sys.stderr.write("\n")
        if rank == 0 and b.get("fail_at_epoch") == epoch:
            raise SystemExit("stand-in fails at epoch %d as asked" % epoch)
        if epoch % train["save_every_epoch"] == 0 and rank == 0:
            n = 233333333333 if train["if_save_latest"] else global_step
            for kind in "GD":
                path = os.path.join(ckpt_dir, "%s_%s.pth" % (kind, n))
                logger.info("Saving model and optimizer state at iteration {} to {}".format(epoch, path))
                _standin.my_save(json.dumps({"iteration": epoch}), path)
            if train["if_save_every_weights"]:
                name = hps["name"] + "_e%s_s%s" % (epoch, global_step)
                _standin.my_save(json.dumps({"info": "%sepoch_%siteration" % (epoch, global_step)}),
                                 "%s/%s.pth" % (hps["save_weight_dir"], name))
                if b.get("stall_before_saved_line") == epoch:
                    time.sleep(3600)  # a cancel arrives between the save and its log line
                logger.info("saving ckpt %s_e%s:%s" % (hps["name"], epoch, "Success."))
        if rank == 0:
            logger.info("====> Epoch: {}".format(epoch))
    print("training done")
    if rank == 0:
        _standin.exit_if_asked(b)


def bar(done, total):
    pct = int(100 * done / total)
    filled = "#" * (pct // 10)
    sys.stderr.write("\r%3d%%|%-10s| %d/%d [00:00<00:00, 10.00it/s]" % (pct, filled, done, total))
    sys.stderr.flush()


if __name__ == "__main__":
    if args.rank is None:
        main()
    else:
        run(args.rank)
