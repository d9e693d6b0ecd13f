"""Copy a paste ini and point its [filter:cors] at the lab's own config file.

oslo.middleware's CORS filter, loaded by paste with only oslo_config_project set,
builds its own ConfigOpts that reads /etc/<project>/<project>.conf and ignores the
--config-file the service was started with: preflights then come back 200 with no
Access-Control-* headers (lab notes, gotcha 1). oslo_config_file fixes that.

usage: paste_cors.py SRC DST SERVICE_CONF
"""
import sys

src, dst, conf = sys.argv[1:4]
out, in_cors = [], False
for line in open(src, encoding="utf-8"):
    stripped = line.strip()
    if stripped.startswith("["):
        in_cors = stripped == "[filter:cors]"
    if in_cors and stripped.startswith("oslo_config_file"):
        continue
    out.append(line)
    if stripped == "[filter:cors]":
        out.append(f"oslo_config_file = {conf}\n")
with open(dst, "w", encoding="utf-8") as f:
    f.writelines(out)
