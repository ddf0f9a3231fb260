"""Command line of the helpers package: ``python -m helpers <command> [args]``.

data [--verify]     where Fashion-MNIST is found (--verify: load and check it)
run [NB ...]        execute notebooks headlessly (see helpers.notebook_runner)
classifier          retrain the Fashion FD's classifier, rewrite its weights
setup-cells         write every notebook's badge and Setup cell from helpers/colab.py
codegen             regenerate helpers/dcgan.py and helpers/pixelcnn.py from their notebooks' marked cells
nbval [NB ...]      validate notebooks with nbval, each alone in an empty build folder (helpers.validate)
gpu-check           exit 0 if TensorFlow sees a GPU, else 1 with why (the guard of `make test-gpu`)
handout [NB ...]    copies without solutions or outputs in build/handout/ (helpers.handout)
picture             docs/samples.png from the samples `make outputs` saved (helpers.picture)
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
    if command == "nbval":
        from helpers.validate import main as validate_main

        return validate_main(args)
    if command == "handout":
        from helpers.handout import main as handout_main

        return handout_main(args)
    if command == "picture":
        from helpers.picture import main as picture_main

        return picture_main(args)
    if command == "gpu-check":
        from helpers.profile import gpu_check

        return gpu_check()
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
