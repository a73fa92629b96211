"""Shared helpers of the stand-in scripts: behaviour file, call log, my_save, DDP-like workers."""
import json
import os
import shutil
import subprocess
import sys
import time

RECORDED_ENV = ("inp_text", "inp_wav_dir", "exp_name", "opt_dir", "bert_pretrained_dir", "cnhubert_base_dir",
                "sv_path", "pretrained_s2G", "s2config_path", "is_half", "i_part", "all_parts",
                "_CUDA_VISIBLE_DEVICES", "version", "hz", "PYTHONPATH", "TEMP", "TMPDIR")


def behaviour(workspace, script):
    path = os.path.join(workspace, "standin.json")
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f).get(script, {})


def record(workspace, script, **extra):
    entry = {"script": script, "pid": os.getpid(), "cwd": os.getcwd(), "argv": sys.argv[1:],
             "env": {k: os.environ[k] for k in RECORDED_ENV if k in os.environ}}
    entry.update(extra)
    with open(os.path.join(workspace, "standin-calls.jsonl"), "a", encoding="utf-8") as f:
        f.write(json.dumps(entry) + "\n")


def my_save(content, path, suffix=""):
    """Like upstream's my_save: a clock-named temporary file in the WORKING DIRECTORY, then moved."""
    tmp = "%s%s.pth" % (time.time(), suffix)
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(content)
    shutil.move(tmp, path)


def lines_of_part(inp_text, i_part, all_parts):
    with open(inp_text, encoding="utf8") as f:
        lines = f.read().strip("\n").split("\n")
    return lines[int(i_part)::int(all_parts)]


def start_loader_child():
    """A data-loader-like grandchild that lives until its worker ends it."""
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(3600)"])


def exit_if_asked(b, i_part=None):
    if i_part is not None and str(b.get("sleep_part", "")) == str(i_part):
        import time
        time.sleep(float(b.get("sleep_seconds", 120)))
    if i_part is not None and str(b.get("fail_part", "")) == str(i_part):
        print("Traceback (most recent call last):\nRuntimeError: stand-in part %s fails as asked" % i_part, file=sys.stderr)
        sys.exit(1)
    if b.get("exit"):
        print("Traceback (most recent call last):\nRuntimeError: stand-in fails as asked", file=sys.stderr)
        sys.exit(int(b["exit"]))


def read_simple_yaml(path):
    """Block-style YAML of maps and scalars (what the adapter writes); stdlib only."""
    root = {}
    stack = [(-1, root)]
    with open(path, encoding="utf-8") as f:
        for raw in f:
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            indent = len(raw) - len(raw.lstrip(" "))
            key, _, value = raw.strip().partition(":")
            while stack[-1][0] >= indent:
                stack.pop()
            parent = stack[-1][1]
            value = value.strip()
            if value == "":
                parent[key] = {}
                stack.append((indent, parent[key]))
            else:
                parent[key] = scalar(value)
    return root


def scalar(value):
    if value[:1] in ("'", '"'):
        return value[1:-1]
    if value in ("true", "false"):
        return value == "true"
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            pass
    return value
