"""python -m helpers: the command line."""

from helpers.__main__ import main


def test_command_line_dispatches_and_explains_itself(capsys):
    assert main(["data"]) == 0
    assert "Fashion-MNIST found" in capsys.readouterr().out
    assert main(["nonsense"]) == 2
    err = capsys.readouterr().err
    assert all(command in err for command in ("classifier", "setup-cells", "codegen", "run", "handout", "picture"))
