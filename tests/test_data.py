import gzip
import http.server
import shutil
import socket
import threading
import time

import numpy as np
import pytest

from helpers import data
from helpers.data import CLASS_NAMES, FILES, DataError, find_data_dir, load_fashion_mnist, make_3d_cloud


def test_split_shapes_range_and_labels(fashion):
    assert fashion.x_train.shape == (55_000, 28, 28)
    assert fashion.x_valid.shape == (5_000, 28, 28)
    assert fashion.x_test.shape == (10_000, 28, 28)
    assert (
        fashion.y_train.shape == (55_000,) and fashion.y_valid.shape == (5_000,) and fashion.y_test.shape == (10_000,)
    )
    for x in (fashion.x_train, fashion.x_valid, fashion.x_test):
        assert x.dtype == np.float32 and x.min() == 0.0 and x.max() == 1.0
    assert set(np.unique(fashion.y_test)) == set(range(10))
    assert np.bincount(fashion.y_test).tolist() == [1000] * 10  # the official test set is balanced
    assert fashion.class_names == CLASS_NAMES and fashion.class_names[9] == "Ankle boot"


def test_validation_is_the_tail_of_the_official_training_set(fashion):
    raw, _ = data.load_raw_fashion_mnist()
    np.testing.assert_array_equal(fashion.y_valid, raw["train_labels"][-5000:])
    np.testing.assert_array_equal(fashion.x_train[0], raw["train_images"][0] / np.float32(255))


@pytest.fixture
def copy_of_data(tmp_path):
    """A private copy of the four real files, to damage."""
    source = find_data_dir()
    assert source is not None, "Fashion-MNIST must be available to run the tests (make data)"
    for name in FILES.values():
        shutil.copy(source / name, tmp_path / name)
    return tmp_path


def test_loads_from_a_given_folder(copy_of_data):
    assert load_fashion_mnist(dirs=[copy_of_data], download=False).source == copy_of_data


def test_env_var_folder_is_searched_first(copy_of_data, monkeypatch):
    monkeypatch.setenv("FASHION_MNIST_DIR", str(copy_of_data))
    assert data.candidate_dirs()[0] == copy_of_data
    assert find_data_dir() == copy_of_data


def test_truncated_file_is_named(copy_of_data):
    path = copy_of_data / FILES["train_images"]
    path.write_bytes(path.read_bytes()[:100_000])
    with pytest.raises(DataError, match=r"train-images-idx3-ubyte\.gz is corrupt or truncated"):
        load_fashion_mnist(dirs=[copy_of_data], download=False)


def test_file_that_is_not_gzip_is_named(copy_of_data):
    (copy_of_data / FILES["test_labels"]).write_bytes(b"<html>not found</html>")
    with pytest.raises(DataError, match=r"t10k-labels-idx1-ubyte\.gz is corrupt"):
        load_fashion_mnist(dirs=[copy_of_data], download=False)


def test_changed_pixels_fail_the_checksum(copy_of_data):
    path = copy_of_data / FILES["test_images"]
    raw = bytearray(gzip.decompress(path.read_bytes()))
    raw[5000] ^= 0xFF  # one pixel, same size: only the checksum can tell
    path.write_bytes(gzip.compress(bytes(raw)))
    with pytest.raises(DataError, match=r"t10k-images-idx3-ubyte\.gz decodes to an array whose SHA-256"):
        load_fashion_mnist(dirs=[copy_of_data], download=False)


def test_wrong_length_array_is_named(copy_of_data):
    path = copy_of_data / FILES["test_labels"]
    path.write_bytes(gzip.compress(gzip.decompress(path.read_bytes())[:-10]))
    with pytest.raises(DataError, match=r"t10k-labels-idx1-ubyte\.gz decodes to 9998 bytes, expected 10008"):
        load_fashion_mnist(dirs=[copy_of_data], download=False)


def test_missing_data_without_download_lists_the_fixes(tmp_path):
    with pytest.raises(DataError) as info:
        load_fashion_mnist(dirs=[tmp_path], download=False)
    message = str(info.value)
    assert str(tmp_path) in message and "apt-get install dataset-fashion-mnist" in message
    assert "FASHION_MNIST_DIR" in message and "data/fashion-mnist/" in message


def test_missing_data_with_unreachable_server_fails_fast(tmp_path, monkeypatch):
    # Nothing listens on this port: the download is refused at once.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setattr(data, "DOWNLOAD_BASE_URL", f"http://127.0.0.1:{port}/")
    start = time.perf_counter()
    with pytest.raises(DataError, match=r"(?s)cannot be downloaded.*apt-get install dataset-fashion-mnist") as info:
        load_fashion_mnist(dirs=[tmp_path])
    assert time.perf_counter() - start < 10
    assert f"  - {tmp_path}\n" in str(info.value)  # names the folders it searched


def test_missing_data_with_silent_server_fails_within_10_seconds(tmp_path, monkeypatch):
    # A server that accepts the connection and never answers: the worst case of "no network".
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    monkeypatch.setattr(data, "DOWNLOAD_BASE_URL", f"http://127.0.0.1:{silent.getsockname()[1]}/")
    start = time.perf_counter()
    try:
        with pytest.raises(DataError, match="cannot be downloaded"):
            load_fashion_mnist(dirs=[tmp_path])
    finally:
        silent.close()
    assert time.perf_counter() - start < 10


def test_download_goes_through_keras_into_its_cache(copy_of_data, tmp_path, monkeypatch):
    # A local server stands in for the download site; Keras fetches the files into KERAS_HOME.
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(copy_of_data), **k)  # noqa: E731
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setattr(data, "DOWNLOAD_BASE_URL", f"http://127.0.0.1:{server.server_port}/")
        monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras_home"))
        empty = tmp_path / "empty"
        empty.mkdir()
        loaded = load_fashion_mnist(dirs=[empty])
    finally:
        server.shutdown()
    assert loaded.source == tmp_path / "keras_home" / "datasets" / "fashion-mnist"
    assert loaded.x_test.shape == (10_000, 28, 28)


def test_cli_reports_where_the_data_are(capsys):
    assert data.main([]) == 0
    assert "Fashion-MNIST found" in capsys.readouterr().out


def test_3d_cloud_is_seeded_centred_and_nearly_planar():
    cloud = make_3d_cloud()
    np.testing.assert_array_equal(cloud, make_3d_cloud())
    assert cloud.shape == (60, 3) and cloud.dtype == np.float32
    np.testing.assert_allclose(cloud.mean(axis=0), 0, atol=1e-6)
    variances = np.linalg.svd(cloud, compute_uv=False) ** 2
    assert variances[2] / variances.sum() < 0.05  # a 2-D plane holds over 95% of the variance
