"""Long trainings that survive a disconnect: ``model.fit(..., callbacks=[helpers.resumable("dcgan")])``.

:func:`resumable` is Keras's ``BackupAndRestore`` with its state under ``build/backup/<name>/<profile>/``.
At the end of every epoch it writes the model's weights, every optimizer the model holds (Adam's moments
and step counts included, also for optimizers kept as attributes such as ``helpers.GAN``'s ``d_optimizer``
and ``g_optimizer``), the metrics' state, the epoch number and the random state of Keras: its global generator
(``keras.random.normal(...)`` without a seed, as in a GAN's ``train_step``) and the layers' own
generators (dropout), which Keras's backup leaves out. When ``fit()`` is
run again after an interruption (a kernel restart, a stopped cell, a crash), it restores all of that and
continues from the first epoch that did not finish; when ``fit()`` completes, the backup is deleted, so
the next run starts clean. The profile is part of the path so that a ``quick`` run never resumes from
an interrupted ``smoke`` run's weights.

What is *not* restored: the order of a shuffled ``tf.data`` pipeline (a resumed run shuffles as a new
run would, so it is a correct continuation but not bit-identical to an uninterrupted run unless the
data are not shuffled), TensorFlow's own random state (``tf.random.*``) and anything a callback keeps
in Python (a ``GANMonitor``'s history only covers the epochs run since the resume), nor the time a timer
around ``fit()`` measures: a resumed ``fit()`` prints a line saying so, in the cell whose figures it affects.

Resume holds within one machine: on Colab a disconnect that recycles the machine also deletes
``build/``, unless the Setup cell's ``KEEP_BUILD_ON_DRIVE`` line is set to ``True``, which puts
``build/`` on Google Drive (CONTRIBUTING.md, "Resume and Google Drive").
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import keras
import numpy as np

from helpers.paths import build_dir
from helpers.profile import get_profile

RANDOM_STATE_FILE = "random_state.npz"


def resumable(name: str) -> keras.callbacks.BackupAndRestore:
    """A ``BackupAndRestore`` callback whose state lives in ``build/backup/<name>/<profile>/``.

    Give every resumable ``fit()`` its own ``name`` (a backup belongs to one model and one set of
    ``compile``/``fit`` arguments). Build the model before ``fit()``; a model that applies its own
    optimizers in ``train_step`` must build them too, so that a backup has somewhere to go::

        gan.compile(d_optimizer=..., g_optimizer=...)
        gan.d_optimizer.build(gan.discriminator.trainable_variables)
        gan.g_optimizer.build(gan.generator.trainable_variables)
        gan.fit(dataset, epochs=EPOCHS, callbacks=[monitor, helpers.resumable("dcgan")])

    To throw away an interrupted run instead of resuming it, delete ``build/backup/<name>``.
    """
    if not name or os.sep in name or name in (".", ".."):
        raise ValueError(f"resumable() needs a plain folder name, got {name!r}")
    return _Resumable(name, str(build_dir() / "backup" / name / get_profile()))


def _global_seed_generator(create: bool = False) -> Any:
    """Keras's global ``SeedGenerator``, or None if there is none yet and ``create`` is False.

    Only a restore creates it: creating one draws its seed from Python's ``random``, which would change
    what the notebook draws next.
    """
    # Private API (the same in Keras 3.13 and 3.15); tests/test_resume.py fails if it moves.
    from keras.src.backend.common import global_state
    from keras.src.random.seed_generator import GLOBAL_SEED_GENERATOR, global_seed_generator

    return global_seed_generator() if create else global_state.get_global_attribute(GLOBAL_SEED_GENERATOR)


def _layer_seed_states(model: keras.Model) -> list[Any]:
    """The state variables of the seed generators of a model's layers (dropout, noise), in a fixed order."""
    return [variable for variable in model.variables if variable.name == "seed_generator_state"]


class _Resumable(keras.callbacks.BackupAndRestore):
    """``BackupAndRestore`` that also handles ``train_step`` models (helpers.GAN) and the global random state."""

    def __init__(self, name: str, backup_dir: str) -> None:
        super().__init__(backup_dir)
        self.name = name

    def on_train_begin(self, logs: dict[str, Any] | None = None) -> None:
        model = self.model
        # A model that only overrides train_step (helpers.GAN) has no call() that would build it, and
        # BackupAndRestore refuses unbuilt models; it is built once every network it holds is.
        if not model.built and model.layers and all(layer.built for layer in model.layers):
            model.built = True
        own = {
            key: value
            for key, value in vars(model).items()
            if isinstance(value, keras.optimizers.Optimizer) and value is not model.optimizer
        }
        unbuilt = [key for key, optimizer in own.items() if not optimizer.built]
        if unbuilt:
            # Keras would only warn and restart these optimizers from zero: fail before training instead.
            raise ValueError(
                f"resumable: the model's {' and '.join(unbuilt)} must be built before fit() so that a backup can "
                f"restore their state, e.g. model.{unbuilt[0]}.build(<network>.trainable_variables)"
            )
        if own and model.optimizer is not None and not model.optimizer.built:
            # compile()'s default optimizer, unused by a train_step that applies its own: build it empty so
            # the backup's empty copy loads into it without a "Skipping variable loading" warning.
            model.optimizer.build([])
        metadata = os.path.join(self.backup_dir, "training_metadata.json")
        finished = json.loads(Path(metadata).read_text())["epoch"] if os.path.exists(metadata) else 0
        super().on_train_begin(logs)
        if finished:
            # said where the training's figures are printed: they describe the resumed part only
            print(
                f"resumable({self.name!r}): resumed after epoch {finished} from {self.backup_dir}; the time "
                "measured around this fit() and the callbacks' histories cover only the epochs since "
                f"(for a whole run's figures, delete {os.path.dirname(self.backup_dir)} and re-run)"
            )
        path = os.path.join(self.backup_dir, RANDOM_STATE_FILE)
        if os.path.exists(path):
            with np.load(path) as saved:
                layer_states = _layer_seed_states(model)
                if len(layer_states) != len(saved.files) - ("global" in saved.files):
                    raise ValueError(f"{path} was written by another model: remove {self.backup_dir} to start over")
                for index, variable in enumerate(layer_states):
                    variable.assign(saved[f"layer_{index}"])
                if "global" in saved.files:
                    _global_seed_generator(create=True).state.assign(saved["global"])

    def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        super().on_epoch_end(epoch, logs)  # writes the weights and the epoch number
        states = {f"layer_{index}": v.numpy() for index, v in enumerate(_layer_seed_states(self.model))}
        generator = _global_seed_generator()
        if generator is not None:  # None: nothing drew from it yet
            states["global"] = generator.state.numpy()
        np.savez(os.path.join(self.backup_dir, RANDOM_STATE_FILE), **states)

    def on_train_end(self, logs: dict[str, Any] | None = None) -> None:
        super().on_train_end(logs)  # deletes build/backup/<name>/<profile>
        # ... and build/backup/<name> too once no other profile's backup is left in it
        parent = os.path.dirname(self.backup_dir)
        if os.path.isdir(parent) and not os.listdir(parent):
            os.rmdir(parent)
