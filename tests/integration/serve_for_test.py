"""Runs a server in a child process for restart tests: argv = data_dir port_file.

Configuration comes from the environment (VEIL_TOKENS, VEIL_MASTER_KEY_FILE),
as it would for `veil serve`.
"""

from __future__ import annotations

import pathlib
import sys

from service.config import load_config
from service.server import VeilServer

if __name__ == "__main__":
    data_dir, port_file = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    server = VeilServer(load_config(overrides={"port": 0, "data_dir": data_dir})).start()
    tmp = port_file.with_suffix(".tmp")
    tmp.write_text(str(server.port))
    tmp.rename(port_file)
    server.wait()
