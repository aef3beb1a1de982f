#include "pop3parser.h"

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
    void sasl();
    void multiLine_data();
    void multiLine();
    void multiLineEveryChunking();
    void multiLineLeavesNextReply();
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

void TestPop3Parser::sasl()
{
    QCOMPARE(QByteArray::fromBase64(saslPlain("tim", "tanstaaftanstaaf")),
        QByteArray("\0tim\0tanstaaftanstaaf", 21));
    // RFC 2195 §2's example exchange.
    const QByteArray challenge =
        QByteArray("<1896.697170952@postoffice.reston.mci.net>").toBase64();
    QCOMPARE(QByteArray::fromBase64(cramMd5Response("tim", "tanstaaftanstaaf", challenge)),
        QByteArray("tim b913a602c7eda7a495b4e6e7334d3890"));
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

QTEST_GUILESS_MAIN(TestPop3Parser)
#include "tst_pop3parser.moc"
