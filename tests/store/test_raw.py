"""RawStore: compressed, hash-checked, atomically written raw filings keyed by accession."""

from __future__ import annotations

import gzip
import hashlib
import multiprocessing
import os
import subprocess
import sys
import textwrap
import uuid
import zlib
from pathlib import Path

import pytest

from edgar_atm.errors import StoreError
from edgar_atm.store.raw import RawStore

EDGAR = Path(__file__).resolve().parents[1] / "data" / "edgar"
ACC = "0001193125-25-338333"
SRC = str(Path(__file__).resolve().parents[2] / "src")


@pytest.fixture
def store(tmp_path) -> RawStore:
    return RawStore(tmp_path / "raw")


@pytest.fixture(scope="module")
def filing() -> bytes:
    # Real EDGAR bytes (a whole daily index, 617 KB): compressible text like a submission.
    return (EDGAR / "index" / "daily" / "form.20200318.idx").read_bytes()


def test_round_trip_and_layout(store, filing):
    digest = store.put(ACC, filing)
    assert digest == hashlib.sha256(filing).hexdigest()
    path = store.path_for(ACC)
    assert path == store.root / "0001193125" / "25" / f"{ACC}.txt.gz"
    assert store.has(ACC) and ACC in store
    assert store.get(ACC) == filing
    # A standard gzip file: zcat/gzip read it, and it is much smaller than the input.
    assert gzip.decompress(path.read_bytes()) == filing
    assert path.stat().st_size < len(filing) / 4
    assert store.sha256(ACC) == digest


def test_accession_forms_are_one_key(store, filing):
    store.put("000119312525338333", filing)
    assert store.get(" 0001193125-25-338333 ") == filing
    assert list(store.iter_accessions()) == [ACC]


def test_bad_accession_is_a_store_error(store):
    with pytest.raises(StoreError):
        store.put("../../etc/passwd", b"x")
    with pytest.raises(StoreError):
        store.get("12345")


def test_missing_accession(store):
    assert not store.has(ACC)
    with pytest.raises(StoreError) as info:
        store.get(ACC)
    assert info.value.accession_number == ACC


def test_empty_bytes_round_trip(store):
    store.put(ACC, b"")
    assert store.get(ACC) == b""


def test_put_repairs_a_damaged_copy_of_the_same_bytes(store, filing):
    store.put(ACC, filing)
    path = store.path_for(ACC)
    blob = bytearray(path.read_bytes())
    blob[len(blob) // 2] ^= 0x10  # the header (and its sha256) stay as they were
    path.write_bytes(bytes(blob))
    assert not store.verify(ACC)
    store.put(ACC, filing)
    assert store.get(ACC) == filing


def test_put_same_bytes_is_a_no_op_and_new_bytes_replace(store, filing):
    store.put(ACC, filing)
    path = store.path_for(ACC)
    inode = path.stat().st_ino
    store.put(ACC, filing)
    assert path.stat().st_ino == inode  # not rewritten
    store.put(ACC, filing + b"late correction\n")
    assert store.get(ACC) == filing + b"late correction\n"


def test_iter_accessions_sorted_ignores_strays(store, filing):
    accs = ["0001493152-25-029712", "0001193125-25-338333", "0001918704-24-002559"]
    for acc in accs:
        store.put(acc, filing[:1000] + acc.encode())
    (store.root / "0001193125" / "25" / "notes.txt").write_text("stray")
    (store.root / "0001193125" / "25" / f".{ACC}.txt.gz.abc.tmp").write_bytes(b"partial")
    assert list(store.iter_accessions()) == sorted(accs)
    assert list(RawStore(store.root / "nowhere").iter_accessions()) == []


def test_flipped_byte_is_detected(store, filing):
    store.put(ACC, filing)
    path = store.path_for(ACC)
    blob = bytearray(path.read_bytes())
    blob[len(blob) // 2] ^= 0x01
    path.write_bytes(bytes(blob))
    with pytest.raises(StoreError) as info:
        store.get(ACC)
    assert info.value.accession_number == ACC
    assert not store.verify(ACC)


@pytest.mark.parametrize("keep", [0, 5, 30, 0.5, -1, -8])
def test_truncated_file_is_detected(store, filing, keep):
    store.put(ACC, filing)
    path = store.path_for(ACC)
    blob = path.read_bytes()
    cut = int(len(blob) * keep) if isinstance(keep, float) else (keep if keep >= 0 else len(blob) + keep)
    path.write_bytes(blob[:cut])
    with pytest.raises(StoreError):
        store.get(ACC)


def test_trailing_garbage_is_detected(store, filing):
    store.put(ACC, filing)
    path = store.path_for(ACC)
    path.write_bytes(path.read_bytes() + b"junk")
    with pytest.raises(StoreError):
        store.get(ACC)


def test_hash_mismatch_with_valid_gzip_is_detected(store, filing):
    """A file whose gzip is intact but whose content is not what was hashed (e.g. rewritten
    by another tool keeping our header) is still refused."""
    store.put(ACC, filing)
    path = store.path_for(ACC)
    blob = path.read_bytes()
    header_end = blob.index(b"\0", 10) + 1
    deflate = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    other = b"something else entirely"
    body = deflate.compress(other) + deflate.flush()
    trailer = (zlib.crc32(other) & 0xFFFFFFFF).to_bytes(4, "little") + len(other).to_bytes(4, "little")
    path.write_bytes(blob[:header_end] + body + trailer)
    assert gzip.decompress(path.read_bytes()) == other  # a perfectly valid gzip file
    with pytest.raises(StoreError, match="sha256"):
        store.get(ACC)


def test_file_under_the_wrong_accession_is_detected(store, filing):
    other = "0001193125-25-338334"
    store.put(other, filing)
    store.path_for(ACC).parent.mkdir(parents=True, exist_ok=True)
    store.path_for(other).replace(store.path_for(ACC))
    with pytest.raises(StoreError, match=other):
        store.get(ACC)
    store.put(ACC, filing)  # put repairs it rather than trusting the misplaced file
    assert store.get(ACC) == filing


def test_plain_gzip_without_hash_is_refused(store, filing):
    path = store.path_for(ACC)
    path.parent.mkdir(parents=True)
    path.write_bytes(gzip.compress(filing))
    with pytest.raises(StoreError):
        store.get(ACC)
    assert store.sha256(ACC) is None


def _crash_during_put(root: Path, how: str) -> subprocess.CompletedProcess:
    """Run put() in a child process that dies (os._exit, no cleanup) at a chosen point."""
    code = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {SRC!r})
        from edgar_atm.store import raw
        how = {how!r}
        if how == "before-rename":
            raw.os.replace = lambda *a: os._exit(9)
        elif how == "mid-write":
            def die(fd):
                os.ftruncate(fd, 300)  # only part of the bytes reached the disk
                os._exit(9)
            raw.os.fsync = die
        raw.RawStore({str(root)!r}).put({ACC!r}, bytes(range(256)) * 4000)
    """)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)


@pytest.mark.parametrize("how", ["before-rename", "mid-write"])
def test_crash_mid_write_leaves_no_valid_looking_file(store, how):
    result = _crash_during_put(store.root, how)
    assert result.returncode == 9, result.stderr
    temps = list(store.root.glob("*/*/.*.tmp"))
    assert temps, "the dying writer should have left its temp file behind"
    assert not store.has(ACC)
    assert list(store.iter_accessions()) == []
    with pytest.raises(StoreError):
        store.get(ACC)
    # Young temp files are left alone (a writer may be busy); old ones are cleared.
    assert store.remove_stale_temp_files(older_than=3600) == 0
    assert store.remove_stale_temp_files(older_than=0) == len(temps)
    store.put(ACC, b"refetched")
    assert store.get(ACC) == b"refetched"


def test_crash_while_replacing_keeps_the_old_version(store):
    store.put(ACC, b"first version")
    result = _crash_during_put(store.root, "mid-write")
    assert result.returncode == 9
    assert store.get(ACC) == b"first version"


def _writer(root: str, n: int, payloads: list[bytes]) -> None:
    s = RawStore(root)
    for i in range(n):
        s.put(ACC, payloads[i % len(payloads)])


def test_concurrent_writers_of_one_accession(store):
    payloads = [b"A" * 300_000 + os.urandom(2000), b"B" * 200_000 + os.urandom(3000)]
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(str(store.root), 15, payloads[i % 2:] + payloads[:i % 2]))
             for i in range(4)]
    for p in procs:
        p.start()
    seen = set()
    while any(p.is_alive() for p in procs):
        try:
            data = store.get(ACC)
        except StoreError as exc:
            # Only "not there yet" is acceptable while writers race, never damage.
            assert "not in the raw store" in str(exc)
            continue
        assert data in payloads
        seen.add(data[:1])
    for p in procs:
        p.join(timeout=120)
        assert p.exitcode == 0
    assert store.get(ACC) in payloads
    assert not list(store.root.glob("*/*/.*.tmp"))
    assert list(store.iter_accessions()) == [ACC]


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=5000), seq=st.integers(0, 999_999),
       flip=st.integers(0, 10**9), bit=st.integers(0, 7))
def test_any_bytes_round_trip_and_any_flipped_bit_is_caught(tmp_path, data, seq, flip, bit):
    store = RawStore(tmp_path / uuid.uuid4().hex)  # tmp_path is shared by the examples
    acc = f"0000950170-24-{seq:06d}"
    store.put(acc, data)
    assert store.get(acc) == data
    path = store.path_for(acc)
    blob = bytearray(path.read_bytes())
    blob[flip % len(blob)] ^= 1 << bit
    path.write_bytes(bytes(blob))
    try:
        got = store.get(acc)
    except StoreError:
        return  # a damaged file is refused: the point
    # A flip may also hit bytes that carry nothing (gzip's MTIME/XFL/OS, the padding bits
    # after deflate's end-of-block code); the store may then answer, but only with the
    # very bytes that were stored.
    assert got == data
