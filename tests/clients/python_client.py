"""A Python client generated from proto/ with grpcio-tools, calling every RPC in every offset unit, with an HTML page and a Chinese article.

Run by scripts/python-client.sh, which generates the code and starts the server; argv[1] is the
server address and argv[2] the directory of the generated code.
"""
import sys

import grpc

sys.path.insert(0, sys.argv[2])
from brief.v1 import brief_pb2 as pb  # noqa: E402
from brief.v1 import brief_pb2_grpc as rpc  # noqa: E402

SEED = open("tests/data/seed_article.txt", encoding="utf-8").read()
TEXT = SEED + "\nCafé owners 😀 in Zürich said “prices” rose 3.5%. The mayor, Mr. Müller, disagreed.\n"


def sliced(text, unit, offset, length):
    """Slices text the way a client in each language would."""
    if unit == pb.OFFSET_UNIT_CODE_POINTS:
        return text[offset:offset + length]
    if unit == pb.OFFSET_UNIT_UTF16_CODE_UNITS:
        return text.encode("utf-16-le")[2 * offset:2 * (offset + length)].decode("utf-16-le")
    return text.encode()[offset:offset + length].decode()


def main():
    stub = rpc.SummarizerStub(grpc.insecure_channel(sys.argv[1]))
    for unit in (pb.OFFSET_UNIT_UTF8_BYTES, pb.OFFSET_UNIT_UTF16_CODE_UNITS, pb.OFFSET_UNIT_CODE_POINTS):
        doc = pb.Document(id="py", content=TEXT)
        r = stub.Summarize(pb.SummarizeRequest(document=doc, length=pb.Length(max_sentences=50), offset_unit=unit))
        e = stub.Extract(pb.ExtractRequest(document=doc, offset_unit=unit))
        assert r.id == "py" and len(r.sentences) >= 10, r
        assert len(e.sentences) > len(r.sentences), "Extract lists every sentence"
        for s in list(r.sentences) + list(e.sentences):
            assert sliced(TEXT, unit, s.offset, s.length) == s.text, (pb.OffsetUnit.Name(unit), s)
        print(pb.OffsetUnit.Name(unit), "offsets ok:", len(r.sentences), "brief sentences,", len(e.sentences), "analysed")

    r = stub.Summarize(pb.SummarizeRequest(document=pb.Document(content=SEED)))
    assert len(r.sentences) == 3 and r.limited_by == pb.LIMITED_BY_MAX_SENTENCES, r
    assert "Copyright" not in r.summary and not r.summary.startswith("North Korea News"), r.summary
    print("seed brief:", r.summary)

    # Channels that compress every call (gzip, deflate): the same brief.
    for algorithm in (grpc.Compression.Gzip, grpc.Compression.Deflate):
        compressed = rpc.SummarizerStub(grpc.insecure_channel(sys.argv[1], compression=algorithm))
        c = compressed.Summarize(pb.SummarizeRequest(document=pb.Document(content=SEED)))
        assert c.summary == r.summary, (algorithm, c.summary)
    print("compressed calls (gzip, deflate): same brief")

    # An HTML page sent as its undecoded windows-1252 bytes: offsets refer to the extracted text.
    page = open("tests/data/html/windows1252.html", "rb").read()
    doc = pb.Document(format=pb.FORMAT_HTML, raw=page)
    e = stub.Extract(pb.ExtractRequest(document=doc, offset_unit=pb.OFFSET_UNIT_CODE_POINTS))
    assert e.text and "\ufffd" not in e.text and e.page_title, e
    for s in e.sentences:
        assert e.text[s.offset:s.offset + s.length] == s.text, s
    r = stub.Summarize(pb.SummarizeRequest(document=doc))
    assert len(r.sentences) == 3 and r.language == "fr", r  # the page is French
    print("html page:", e.page_title, "->", len(e.sentences), "sentences;", r.summary[:60], "...")

    zh = "中国政府周二宣布了新的经济刺激计划。该计划包括减税和增加基础设施投资。经济学家表示，这一计划将有助于稳定经济增长。"
    r = stub.Summarize(pb.SummarizeRequest(document=pb.Document(content=zh), length=pb.Length(max_sentences=1)))
    assert r.language == "zh" and r.language_source == pb.LANGUAGE_SOURCE_DETECTED, r
    assert r.language_support == pb.LANGUAGE_SUPPORT_CHARACTER_NGRAMS and len(r.sentences) == 1, r
    print("chinese:", r.summary, r.language, round(r.language_confidence, 2))

    bad = [
        (pb.SummarizeRequest(), "document"),
        (pb.SummarizeRequest(document=pb.Document(content=" \n ")), "document.content"),
        (pb.SummarizeRequest(document=pb.Document(content="x."), length=pb.Length(ratio=2)), "length.ratio"),
        (pb.SummarizeRequest(document=pb.Document(content="x."), order=42), "order"),
    ]
    for req, field in bad:
        try:
            stub.Summarize(req)
        except grpc.RpcError as err:
            assert err.code() == grpc.StatusCode.INVALID_ARGUMENT, err
            assert err.details().startswith(field + ":"), err.details()
            print("refused as expected:", err.code(), err.details())
        else:
            raise AssertionError(f"{req} was not refused")
    items = [
        pb.SummarizeStreamRequest(document=pb.Document(id="s1", content="Floods hit the town. Roads closed.")),
        pb.SummarizeStreamRequest(document=pb.Document(id="s2", content="")),
        pb.SummarizeStreamRequest(document=pb.Document(id="s3", content=SEED)),
    ]
    results = list(stub.SummarizeStream(iter(items)))
    assert [r.id for r in results] == ["s1", "s2", "s3"], results
    assert [r.sequence for r in results] == [0, 1, 2], results
    assert results[0].WhichOneof("result") == "response"
    assert results[1].WhichOneof("result") == "error" and results[1].error.field == "document.content", results[1]
    assert len(results[2].response.sentences) == 3
    print("stream: results in order, the bad item answered with its error")
    print("python client: all passed")


if __name__ == "__main__":
    main()
