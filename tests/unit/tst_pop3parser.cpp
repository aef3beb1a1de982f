#include "protocol/pop3parser.h"

#include <QTest>

using namespace Pop3Connector;

class TestPop3Parser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statusLine_data();
    void statusLine();
    void capabilities();
    void scanAndUidLines_data();
    void scanAndUidLines();
    void stat();
    void apop();
    void continuation();
    void multiLine_data();
    void multiLine();
    void multiLineEveryChunking();
    void multiLineLeavesNextReply();
    void lineSplitter_data();
    void lineSplitter();
    void lineSplitterEveryChunking();
    void lineSplitterStopsAtHandlerError();
    void listings_data();
    void listings();
    void listingCap();
};

void TestPop3Parser::statusLine_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("codeText");
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("ok bare") << QByteArray("+OK") << true << true << int(ResponseCode::None)
                             << QByteArray() << QByteArray();
    QTest::newRow("ok text") << QByteArray("+OK 2 320") << true << true << int(ResponseCode::None)
                             << QByteArray() << QByteArray("2 320");
    QTest::newRow("err text") << QByteArray("-ERR no such message") << true << false
                              << int(ResponseCode::None) << QByteArray()
                              << QByteArray("no such message");
    QTest::newRow("in-use") << QByteArray("-ERR [IN-USE] Do you have another POP session running?")
                            << true << false << int(ResponseCode::InUse) << QByteArray("IN-USE")
                            << QByteArray("Do you have another POP session running?");
    QTest::newRow("login-delay") << QByteArray("-ERR [LOGIN-DELAY] wait 15 minutes") << true
                                 << false << int(ResponseCode::LoginDelay)
                                 << QByteArray("LOGIN-DELAY") << QByteArray("wait 15 minutes");
    QTest::newRow("sys/temp") << QByteArray("-ERR [SYS/TEMP] try later") << true << false
                              << int(ResponseCode::SysTemp) << QByteArray("SYS/TEMP")
                              << QByteArray("try later");
    QTest::newRow("sys/perm") << QByteArray("-ERR [SYS/PERM] account locked") << true << false
                              << int(ResponseCode::SysPerm) << QByteArray("SYS/PERM")
                              << QByteArray("account locked");
    QTest::newRow("auth") << QByteArray("-ERR [AUTH] Authentication failed.") << true << false
                          << int(ResponseCode::Auth) << QByteArray("AUTH")
                          << QByteArray("Authentication failed.");
    QTest::newRow("utf8") << QByteArray("-ERR [UTF8] not enabled") << true << false
                          << int(ResponseCode::Utf8) << QByteArray("UTF8")
                          << QByteArray("not enabled");
    QTest::newRow("lower-case code")
        << QByteArray("-ERR [in-use] busy") << true << false << int(ResponseCode::InUse)
        << QByteArray("in-use") << QByteArray("busy");
    QTest::newRow("unknown code") << QByteArray("-ERR [X-FOO/BAR] odd") << true << false
                                  << int(ResponseCode::Other) << QByteArray("X-FOO/BAR")
                                  << QByteArray("odd");
    QTest::newRow("unclosed bracket is text")
        << QByteArray("-ERR [IN-USE busy") << true << false << int(ResponseCode::None)
        << QByteArray() << QByteArray("[IN-USE busy");
    QTest::newRow("ok with CR left")
        << QByteArray("+OK fine\r") << true << true << int(ResponseCode::None) << QByteArray()
        << QByteArray("fine");
    QTest::newRow("tab separator") << QByteArray("+OK\tfine") << true << true
                                   << int(ResponseCode::None) << QByteArray() << QByteArray("fine");
    QTest::newRow("okay is not ok")
        << QByteArray("+OKAY") << false << false << 0 << QByteArray() << QByteArray();
    QTest::newRow("lower case") << QByteArray("+ok") << false << false << 0 << QByteArray()
                                << QByteArray();
    QTest::newRow("empty") << QByteArray() << false << false << 0 << QByteArray() << QByteArray();
    QTest::newRow("smtp reply") << QByteArray("220 mail.example ESMTP") << false << false << 0
                                << QByteArray() << QByteArray();
    QTest::newRow("http") << QByteArray("HTTP/1.1 400 Bad Request") << false << false << 0
                          << QByteArray() << QByteArray();
    QTest::newRow("binary") << QByteArray("\x00\xff\x16\x03\x01", 5) << false << false << 0
                            << QByteArray() << QByteArray();
    QTest::newRow("continuation is not status")
        << QByteArray("+ VXNlcm5hbWU6") << false << false << 0 << QByteArray() << QByteArray();
    QTest::newRow("long") << (QByteArray("+OK ") + QByteArray(20000, 'x')) << true << true
                          << int(ResponseCode::None) << QByteArray() << QByteArray(20000, 'x');
}

void TestPop3Parser::statusLine()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, valid);
    const std::optional<StatusLine> s = parseStatusLine(line);
    QCOMPARE(s.has_value(), valid);
    if (!valid)
        return;
    QFETCH(bool, ok);
    QFETCH(int, code);
    QFETCH(QByteArray, codeText);
    QFETCH(QByteArray, text);
    QCOMPARE(s->ok, ok);
    QCOMPARE(int(s->code), code);
    QCOMPARE(s->codeText, codeText);
    QCOMPARE(s->text, text);
}

void TestPop3Parser::capabilities()
{
    const Capabilities c = parseCapabilities({"TOP", "uidl", "USER", "PIPELINING", "STLS",
        "RESP-CODES", "AUTH-RESP-CODE", "SASL PLAIN login Cram-MD5", "EXPIRE 30", "LOGIN-DELAY 900",
        "IMPLEMENTATION Dovecot", "X-UNKNOWN whatever", "", "   "});
    QVERIFY(c.known && c.top && c.uidl && c.user && c.pipelining && c.stls && c.respCodes);
    QVERIFY(c.authRespCode);
    QCOMPARE(c.saslMechanisms, (QList<QByteArray> {"PLAIN", "LOGIN", "CRAM-MD5"}));
    QVERIFY(c.hasSasl("CRAM-MD5"));
    QVERIFY(!c.hasSasl("GSSAPI"));
    QCOMPARE(c.expireDays, std::optional<int>(30));
    QCOMPARE(c.loginDelaySeconds, std::optional<int>(900));
    QCOMPARE(c.implementation, QByteArray("Dovecot"));

    const Capabilities never = parseCapabilities({"EXPIRE NEVER", "EXPIRE", "LOGIN-DELAY soon"});
    QVERIFY(never.expireNever);
    QVERIFY(!never.expireDays);
    QVERIFY(!never.loginDelaySeconds);
    QVERIFY(!never.pipelining);

    const Capabilities zero = parseCapabilities({"EXPIRE 0 USER"});
    QCOMPARE(zero.expireDays, std::optional<int>(0));
}

void TestPop3Parser::scanAndUidLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("scanValid");
    QTest::addColumn<bool>("uidValid");
    QTest::newRow("plain") << QByteArray("1 120") << true << true;
    QTest::newRow("uid") << QByteArray("1 whqtswO00WBw418f9t5JxYwZ") << false << true;
    QTest::newRow("numeric uid is both") << QByteArray("12 00000001") << true << true;
    QTest::newRow("extra spaces") << QByteArray("  3   4096  ") << true << true;
    QTest::newRow("zero message") << QByteArray("0 100") << false << false;
    QTest::newRow("negative") << QByteArray("-1 100") << false << false;
    QTest::newRow("one field") << QByteArray("7") << false << false;
    QTest::newRow("empty") << QByteArray() << false << false;
    QTest::newRow("uid too long") << (QByteArray("1 ") + QByteArray(71, 'a')) << false << false;
    QTest::newRow("uid 70") << (QByteArray("1 ") + QByteArray(70, 'a')) << false << true;
    QTest::newRow("uid control char") << QByteArray("1 ab\x01"
                                                    "cd")
                                      << false << false;
    QTest::newRow("uid high byte") << QByteArray("1 ab\xe3\x81\x82") << false << false;
    QTest::newRow("three fields uid") << QByteArray("1 abc def") << false << false;
    QTest::newRow("huge number") << QByteArray("99999999999999999999999 1") << false << false;
}

void TestPop3Parser::scanAndUidLines()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, scanValid);
    QFETCH(bool, uidValid);
    QCOMPARE(parseScanLine(line).has_value(), scanValid);
    QCOMPARE(parseUniqueIdLine(line).has_value(), uidValid);
    if (uidValid)
        QCOMPARE(parseUniqueIdLine(line)->uid, line.simplified().split(' ').last());
}

void TestPop3Parser::stat()
{
    QCOMPARE(parseStat("2 320")->count, 2);
    QCOMPARE(parseStat("2 320")->octets, qint64(320));
    QCOMPARE(parseStat("5000 146945768 extra")->octets, qint64(146945768));
    QVERIFY(!parseStat("two 320"));
    QVERIFY(!parseStat(""));
}

void TestPop3Parser::apop()
{
    // RFC 1939 §7's own example.
    const QByteArray stamp =
        apopTimestamp("+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>");
    QCOMPARE(stamp, QByteArray("<1896.697170952@dbc.mtview.ca.us>"));
    QCOMPARE(apopDigest(stamp, "tanstaaf"), QByteArray("c4c9334bac560ecc979e58001b3e22fb"));
    QVERIFY(apopTimestamp("+OK ready").isEmpty());
    QVERIFY(apopTimestamp("+OK <no at sign>").isEmpty());
    QVERIFY(apopTimestamp("+OK <unclosed@x").isEmpty());
}

void TestPop3Parser::continuation()
{
    // The mechanisms' answers are tst_sasl's; here the RFC 5034 §4 continuation line.
    QCOMPARE(parseContinuation("+ VXNlcm5hbWU6"), std::optional<QByteArray>("VXNlcm5hbWU6"));
    QCOMPARE(parseContinuation("+"), std::optional<QByteArray>(QByteArray()));
    QVERIFY(!parseContinuation("+OK"));
}

void TestPop3Parser::multiLine_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("finished");
    QTest::newRow("empty body") << QByteArray(".\r\n") << QByteArray() << true;
    QTest::newRow("one line") << QByteArray("hello\r\n.\r\n") << QByteArray("hello\r\n") << true;
    QTest::newRow("stuffed") << QByteArray("..dot\r\n...\r\n.\r\n") << QByteArray(".dot\r\n..\r\n")
                             << true;
    QTest::newRow("stuffed single dot") << QByteArray("..\r\n.\r\n") << QByteArray(".\r\n") << true;
    QTest::newRow("dot mid-line untouched")
        << QByteArray("a.b\r\n a .\r\n.\r\n") << QByteArray("a.b\r\n a .\r\n") << true;
    QTest::newRow("empty lines") << QByteArray("\r\n\r\nx\r\n.\r\n") << QByteArray("\r\n\r\nx\r\n")
                                 << true;
    QTest::newRow("bare LF terminator") << QByteArray("a\n.\n") << QByteArray("a\n") << true;
    QTest::newRow("dot CR other") << QByteArray(".\rx\r\n.\r\n") << QByteArray("\rx\r\n") << true;
    QTest::newRow("unterminated") << QByteArray("line one\r\nline two")
                                  << QByteArray("line one\r\nline two") << false;
    QTest::newRow("binary bytes") << QByteArray("\x00\x01\xff\r\n.\r\n", 8)
                                  << QByteArray("\x00\x01\xff\r\n", 5) << true;
    QTest::newRow("long line") << (QByteArray(100000, 'z') + "\r\n.\r\n")
                               << (QByteArray(100000, 'z') + "\r\n") << true;
    QTest::newRow("From line") << QByteArray("From me\r\n.\r\n") << QByteArray("From me\r\n")
                               << true;
}

void TestPop3Parser::multiLine()
{
    QFETCH(QByteArray, wire);
    QFETCH(QByteArray, payload);
    QFETCH(bool, finished);
    MultiLineDecoder d;
    QByteArray out;
    const MultiLineDecoder::Step step = d.decode(wire, out);
    QCOMPARE(out, payload);
    QCOMPARE(step.finished, finished);
    QCOMPARE(step.consumed, wire.size());
}

void TestPop3Parser::multiLineEveryChunking()
{
    // Every split point, and byte by byte: state must carry across reads.
    const QByteArray wire = "Subject: x\r\n..stuffed\r\n.\rodd\r\n\r\nbody\r\n.\r\n";
    const QByteArray payload = "Subject: x\r\n.stuffed\r\n\rodd\r\n\r\nbody\r\n";
    for (qsizetype split = 0; split <= wire.size(); ++split) {
        MultiLineDecoder d;
        QByteArray out;
        MultiLineDecoder::Step a = d.decode(QByteArrayView(wire).first(split), out);
        QVERIFY(!a.finished || split == wire.size());
        MultiLineDecoder::Step b = d.decode(QByteArrayView(wire).sliced(split), out);
        QVERIFY2(a.finished || b.finished, qPrintable(QString::number(split)));
        QCOMPARE(out, payload);
    }
    MultiLineDecoder d;
    QByteArray out;
    bool finished = false;
    for (char c : wire)
        finished = d.decode(QByteArrayView(&c, 1), out).finished;
    QVERIFY(finished);
    QCOMPARE(out, payload);
}

void TestPop3Parser::multiLineLeavesNextReply()
{
    MultiLineDecoder d;
    QByteArray out;
    const QByteArray wire = "a\r\n.\r\n+OK next\r\n";
    const MultiLineDecoder::Step step = d.decode(wire, out);
    QVERIFY(step.finished);
    QCOMPARE(wire.mid(step.consumed), QByteArray("+OK next\r\n"));
}

namespace {

// Feeds `wire` in chunks of `chunk` bytes (0: all at once); the lines, then "ERROR <code>" if it
// failed.
QList<QByteArray> split(QByteArrayView wire, qsizetype maxLength, qsizetype chunk = 0)
{
    LineSplitter s(maxLength);
    QList<QByteArray> lines;
    auto take = [&lines](QByteArrayView line) {
        lines.append(line.toByteArray());
        return Status();
    };
    if (chunk <= 0)
        chunk = std::max<qsizetype>(wire.size(), 1);
    for (qsizetype at = 0; at < wire.size(); at += chunk) {
        const Status fed = s.feed(wire.sliced(at, std::min(chunk, wire.size() - at)), take);
        if (!fed) {
            lines.append("ERROR " + QByteArray::number(int(fed.error().code)));
            return lines;
        }
    }
    if (const Status last = s.finish(take); !last)
        lines.append("ERROR " + QByteArray::number(int(last.error().code)));
    return lines;
}

} // namespace

void TestPop3Parser::lineSplitter_data()
{
    const QByteArray limit = "ERROR " + QByteArray::number(int(ErrorCode::LimitExceeded));
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("maxLength");
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::newRow("crlf") << QByteArray("a\r\nbc\r\n") << 10 << QList<QByteArray> {"a", "bc"};
    QTest::newRow("bare lf") << QByteArray("a\nbc\n") << 10 << QList<QByteArray> {"a", "bc"};
    QTest::newRow("empty lines") << QByteArray("\r\n\n") << 10 << QList<QByteArray> {"", ""};
    QTest::newRow("unterminated last")
        << QByteArray("a\r\nrest") << 10 << QList<QByteArray> {"a", "rest"};
    QTest::newRow("cr inside") << QByteArray("a\rb\r\n") << 10 << QList<QByteArray> {"a\rb"};
    QTest::newRow("exactly the limit")
        << QByteArray("12345\r\n") << 5 << QList<QByteArray> {"12345"};
    QTest::newRow("over the limit")
        << QByteArray("ok\r\n1234567\r\nnext\r\n") << 5 << QList<QByteArray> {"ok", limit};
    QTest::newRow("endless line") << (QByteArray("ok\n") + QByteArray(100'000, 'x')) << 8192
                                  << QList<QByteArray> {"ok", limit};
    QTest::newRow("nul bytes") << QByteArray("a\0b\n", 4) << 10
                               << QList<QByteArray> {QByteArray("a\0b", 3)};
}

void TestPop3Parser::lineSplitter()
{
    QFETCH(QByteArray, wire);
    QFETCH(int, maxLength);
    QFETCH(QList<QByteArray>, lines);
    QCOMPARE(split(wire, maxLength), lines);
}

void TestPop3Parser::lineSplitterEveryChunking()
{
    const QByteArray wire = "1 uid-a\r\n22 uid-bb\n\r\n333 uid-ccc\r\n";
    const QList<QByteArray> lines = {"1 uid-a", "22 uid-bb", "", "333 uid-ccc"};
    for (qsizetype chunk = 1; chunk <= wire.size(); ++chunk)
        QCOMPARE(split(wire, 64, chunk), lines);
    // The limit holds however the bytes arrive: a long line never grows past it.
    const QByteArray limit = "ERROR " + QByteArray::number(int(ErrorCode::LimitExceeded));
    for (qsizetype chunk : {1, 3, 7, 1000})
        QCOMPARE(split(QByteArray(5000, 'y'), 64, chunk), QList<QByteArray> {limit});
}

void TestPop3Parser::lineSplitterStopsAtHandlerError()
{
    LineSplitter s(100);
    int seen = 0;
    const Status fed = s.feed("a\nb\nc\n", [&seen](QByteArrayView line) -> Status {
        ++seen;
        if (line == "b")
            return Error {ErrorCode::InvalidInput, QStringLiteral("no b")};
        return {};
    });
    QVERIFY(!fed);
    QCOMPARE(int(fed.error().code), int(ErrorCode::InvalidInput));
    QCOMPARE(seen, 2);
}

void TestPop3Parser::listings_data()
{
    QTest::addColumn<QList<QByteArray>>("uidl");
    QTest::addColumn<QList<QByteArray>>("list");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("uidOf2");
    QTest::addColumn<qint64>("octetsOf2");
    QTest::newRow("in order") << QList<QByteArray> {"1 a", "2 bb", "3 ccc"}
                              << QList<QByteArray> {"1 10", "2 20", "3 30"} << true
                              << QByteArray("bb") << qint64(20);
    QTest::newRow("out of order") << QList<QByteArray> {"3 ccc", "2 bb", "1 a"}
                                  << QList<QByteArray> {"2 20", "1 10"} << true << QByteArray("bb")
                                  << qint64(20);
    QTest::newRow("gap") << QList<QByteArray> {"1 a", "3 ccc"} << QList<QByteArray> {"1 10", "3 30"}
                         << true << QByteArray() << qint64(-1);
    QTest::newRow("repeated number keeps the first")
        << QList<QByteArray> {"2 first", "2 second"} << QList<QByteArray> {"2 5", "2 6"} << true
        << QByteArray("first") << qint64(5);
    QTest::newRow("empty") << QList<QByteArray> {} << QList<QByteArray> {} << true << QByteArray()
                           << qint64(-1);
    QTest::newRow("garbage uidl") << QList<QByteArray> {"1 a", "what"} << QList<QByteArray> {}
                                  << false << QByteArray() << qint64(-1);
    QTest::newRow("garbage list") << QList<QByteArray> {} << QList<QByteArray> {"1 x"} << false
                                  << QByteArray() << qint64(-1);
}

void TestPop3Parser::listings()
{
    QFETCH(QList<QByteArray>, uidl);
    QFETCH(QList<QByteArray>, list);
    QFETCH(bool, valid);
    QFETCH(QByteArray, uidOf2);
    QFETCH(qint64, octetsOf2);
    UniqueIdListing uids;
    ScanListing scan;
    bool ok = true;
    for (const QByteArray &line : uidl)
        ok = ok && uids.add(line).ok();
    for (const QByteArray &line : list)
        ok = ok && scan.add(line).ok();
    QCOMPARE(ok, valid);
    if (!valid)
        return;
    uids.seal();
    scan.seal();
    QCOMPARE(uids.uid(2).toByteArray(), uidOf2);
    QCOMPARE(uids.indexOf(2) >= 0, !uidOf2.isEmpty());
    qint64 octets = -1;
    int previous = 0;
    for (const ScanEntry &e : scan.entries()) {
        QVERIFY(e.number > previous); // sorted, each number once
        previous = e.number;
        if (e.number == 2)
            octets = e.octets;
    }
    QCOMPARE(octets, octetsOf2);
}

void TestPop3Parser::listingCap()
{
    UniqueIdListing uids;
    ScanListing scan;
    for (qsizetype i = 1; i <= kMaxListingEntries; ++i) {
        const QByteArray n = QByteArray::number(i);
        QVERIFY(uids.add(n + " u" + n).ok());
        QVERIFY(scan.add(n + " 100").ok());
    }
    const Status overUid = uids.add("1000001 one-too-many");
    QCOMPARE(int(overUid.error().code), int(ErrorCode::LimitExceeded));
    QVERIFY(overUid.error().message.contains(QStringLiteral("1000000")));
    QCOMPARE(int(scan.add("1000001 100").error().code), int(ErrorCode::LimitExceeded));
    uids.seal();
    QCOMPARE(
        uids.uid(kMaxListingEntries).toByteArray(), "u" + QByteArray::number(kMaxListingEntries));
}

QTEST_GUILESS_MAIN(TestPop3Parser)
#include "tst_pop3parser.moc"
