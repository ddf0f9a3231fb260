"""Command line of the helpers package: ``python -m helpers <command> [args]``.

data [--verify]     where Fashion-MNIST is found (--verify: load and check it)
run [NB ...]        execute notebooks headlessly (see helpers.notebook_runner)
classifier          retrain the Fashion FD's classifier, rewrite its weights
setup-cells         write every notebook's badge and Setup cell from helpers/colab.py
codegen             regenerate helpers/dcgan.py and helpers/pixelcnn.py from their notebooks' marked cells
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    command, args = (argv[0], argv[1:]) if argv else ("", [])
    if command == "data":
        from helpers.data import main as data_main

        return data_main(args)
    if command == "run":
        from helpers.notebook_runner import main as run_main

        return run_main(args)
    if command == "classifier":
        from helpers.quality import main as classifier_main

        return classifier_main()
    if command == "setup-cells":
        from helpers.colab import main as colab_main

        return colab_main()
    if command == "codegen":
        from helpers.codegen import main as codegen_main

        return codegen_main()
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
