#include "protocol/smtpprotocol.h"
#include "spool/pickupenvelope.h"

#include <QBuffer>
#include <QTest>

using namespace Pop3Connector;

class TestSmtpProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replyLines_data();
    void replyLines();
    void ehlo();
    void dataEncoding_data();
    void dataEncoding();
    void dataEncodingAnyChunking();
    void envelopeRoundTrip();
    void envelopeParse_data();
    void envelopeParse();
    void envelopeWriterRefuses_data();
    void envelopeWriterRefuses();
    void envelopeReadWhole();
};

void TestSmtpProtocol::replyLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("last");
    QTest::newRow("final") << QByteArray("250 OK") << true << 250 << true;
    QTest::newRow("continued") << QByteArray("250-PIPELINING") << true << 250 << false;
    QTest::newRow("bare code") << QByteArray("354") << true << 354 << true;
    QTest::newRow("cr") << QByteArray("221 bye\r") << true << 221 << true;
    QTest::newRow("enhanced") << QByteArray("550 5.1.1 <ghost@office.example> User doesn't exist")
                              << true << 550 << true;
    QTest::newRow("1xx") << QByteArray("150 nope") << false << 0 << false;
    QTest::newRow("letters") << QByteArray("OK 250") << false << 0 << false;
    QTest::newRow("short") << QByteArray("25") << false << 0 << false;
    QTest::newRow("bad separator") << QByteArray("250+x") << false << 0 << false;
    QTest::newRow("pop3") << QByteArray("+OK ready") << false << 0 << false;
}

void TestSmtpProtocol::replyLines()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, valid);
    const std::optional<SmtpReplyLine> r = parseSmtpReplyLine(line);
    QCOMPARE(r.has_value(), valid);
    if (!valid)
        return;
    QFETCH(int, code);
    QFETCH(bool, last);
    QCOMPARE(r->code, code);
    QCOMPARE(r->last, last);
}

void TestSmtpProtocol::ehlo()
{
    SmtpReply reply {250,
        {"mail.office.lan", "PIPELINING", "SIZE 10240000", "8BITMIME", "STARTTLS",
            "AUTH PLAIN login", "SMTPUTF8", "ENHANCEDSTATUSCODES"}};
    const SmtpExtensions e = parseEhloReply(reply);
    QVERIFY(e.pipelining && e.startTls && e.eightBitMime && e.smtpUtf8);
    QCOMPARE(e.size, qint64(10240000));
    QCOMPARE(e.auth, (QList<QByteArray> {"PLAIN", "LOGIN"}));
    const SmtpExtensions none = parseEhloReply(SmtpReply {250, {"old.server"}});
    QVERIFY(!none.pipelining && !none.startTls);
    QCOMPARE(none.size, qint64(-1));
    QCOMPARE(parseEhloReply(SmtpReply {250, {"x", "SIZE"}}).size, qint64(0));
}

void TestSmtpProtocol::dataEncoding_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("out");
    QTest::newRow("crlf") << QByteArray("a\r\nb\r\n") << QByteArray("a\r\nb\r\n.\r\n");
    QTest::newRow("bare lf") << QByteArray("a\nb\n") << QByteArray("a\r\nb\r\n.\r\n");
    QTest::newRow("no final newline") << QByteArray("a\r\nb") << QByteArray("a\r\nb\r\n.\r\n");
    QTest::newRow("dot stuffing") << QByteArray(".x\r\n..\r\n.\r\nmid.dot\r\n")
                                  << QByteArray("..x\r\n...\r\n..\r\nmid.dot\r\n.\r\n");
    QTest::newRow("dot first after lf") << QByteArray("a\n.b\n") << QByteArray("a\r\n..b\r\n.\r\n");
    QTest::newRow("lone cr kept") << QByteArray("a\rb\r\n") << QByteArray("a\rb\r\n.\r\n");
    QTest::newRow("trailing cr") << QByteArray("a\r") << QByteArray("a\r\r\n.\r\n");
    QTest::newRow("empty") << QByteArray() << QByteArray(".\r\n");
    QTest::newRow("8bit") << QByteArray("\xe3\x81\x82\n") << QByteArray("\xe3\x81\x82\r\n.\r\n");
}

void TestSmtpProtocol::dataEncoding()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, out);
    DataEncoder e;
    QByteArray got;
    e.encode(in, got);
    e.finish(got);
    QCOMPARE(got, out);
}

void TestSmtpProtocol::dataEncodingAnyChunking()
{
    const QByteArray in = ".a\r\nb\n.\r\n\r\n..c\rd\r\n.e";
    DataEncoder whole;
    QByteArray expected;
    whole.encode(in, expected);
    whole.finish(expected);
    for (qsizetype split = 0; split <= in.size(); ++split) {
        DataEncoder e;
        QByteArray got;
        e.encode(QByteArrayView(in).first(split), got);
        e.encode(QByteArrayView(in).sliced(split), got);
        e.finish(got);
        QCOMPARE(got, expected);
    }
    DataEncoder bytewise;
    QByteArray got;
    for (char c : in)
        bytewise.encode(QByteArrayView(&c, 1), got);
    bytewise.finish(got);
    QCOMPARE(got, expected);
}

void TestSmtpProtocol::envelopeRoundTrip()
{
    const QList<MailAddress> to = {MailAddress::parse(QStringLiteral("alice@office.lan")).value(),
        MailAddress::parse(QStringLiteral("\"carol smith\"@office.lan")).value(),
        MailAddress::parse(QStringLiteral("山田@例え.jp")).value()};
    for (const MailAddress &from :
        {MailAddress::parse(QStringLiteral("bob@origin.example")).value(),
            MailAddress::nullPath()}) {
        const PickupEnvelope e = PickupEnvelope::make(from, to);
        const Result<QByteArray> bytes = e.write();
        QVERIFY(bytes);
        QCOMPARE(e.serialize(), *bytes);
        const QByteArray message = "Received: x\r\nSubject: s\r\n\r\nbody\r\n";
        const QByteArray file = *bytes + message;
        const Result<PickupEnvelope> back = PickupEnvelope::read(file);
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back->sender, e.sender);
        QCOMPARE(back->recipients, e.recipients);
        QCOMPARE(back->senderAddress().value(), from);
        QCOMPARE(back->recipientAddresses().value(), to);
        QCOMPARE(file.mid(back->messageOffset), message);
        // What the reader accepts, written again, is the same bytes.
        QCOMPARE(back->write().value(), file.first(back->messageOffset));
    }
    QCOMPARE(PickupEnvelope::make(
                 MailAddress::parse(QStringLiteral("bob@origin.example")).value(), {to.first()})
                 .serialize(),
        QByteArray("x-sender: <bob@origin.example>\r\nx-receiver: <alice@office.lan>\r\n"));
    // Fields set by hand are written in canonical form, which the reader takes.
    PickupEnvelope byHand;
    byHand.recipients = {QStringLiteral("Postmaster@Office.LAN"), QStringLiteral("\"bob\"@x.lan")};
    QCOMPARE(byHand.serialize(),
        QByteArray("x-sender: <>\r\nx-receiver: <Postmaster@office.lan>\r\nx-receiver: "
                   "<bob@x.lan>\r\n"));
    QVERIFY(PickupEnvelope::read(byHand.serialize() + "x"));
    byHand.recipients.append(QStringLiteral("postmaster@office.lan"));
    QVERIFY(byHand.write()); // another local part: case counts
    byHand.recipients.append(QStringLiteral("bob@x.lan"));
    QVERIFY(!byHand.write()); // the same address twice
}

void TestSmtpProtocol::envelopeWriterRefuses_data()
{
    QTest::addColumn<QString>("sender");
    QTest::addColumn<QStringList>("recipients");
    const QStringList ok = {QStringLiteral("alice@office.lan")};
    QTest::newRow("no recipient") << QStringLiteral("a@b.example") << QStringList {};
    QTest::newRow("folded recipient")
        << QStringLiteral("a@b.example")
        << QStringList {QStringLiteral("\"q\r\n x-receiver: attacker@evil.example\"@office.lan")};
    QTest::newRow("line break in the sender")
        << QStringLiteral("a@b.example>\r\nx-receiver: <attacker@evil.example") << ok;
    QTest::newRow("null recipient") << QStringLiteral("a@b.example") << QStringList {QString()};
    QTest::newRow("repeated recipient") << QStringLiteral("a@b.example") << ok + ok;
    QTest::newRow("brackets") << QStringLiteral("a@b.example")
                              << QStringList {QStringLiteral("<alice@office.lan>")};
}

void TestSmtpProtocol::envelopeWriterRefuses()
{
    QFETCH(QString, sender);
    QFETCH(QStringList, recipients);
    PickupEnvelope e;
    e.sender = sender;
    e.recipients = recipients;
    QVERIFY(!e.write());
    QVERIFY(e.serialize().isEmpty());
}

void TestSmtpProtocol::envelopeReadWhole()
{
    // 3,000 recipients, over 100 KB of envelope: read whole from a file, not the first 64 KB.
    QList<MailAddress> to;
    for (int i = 0; i < 3000; ++i)
        to.append(MailAddress::parse(QStringLiteral("user%1@office.lan").arg(i)).value());
    const QByteArray message = "Received: x\r\n\r\nbody\r\n";
    QByteArray bytes =
        PickupEnvelope::make(MailAddress::parse(QStringLiteral("b@o.example")).value(), to)
            .serialize()
        + message;
    QVERIFY(bytes.size() > 100 * 1024);
    QBuffer file(&bytes);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Result<PickupEnvelope> e = PickupEnvelope::read(file);
    QVERIFY2(e, qPrintable(e ? QString() : e.error().message));
    QCOMPARE(e->recipients.size(), 3000);
    QCOMPARE(bytes.mid(e->messageOffset), message);
    // The first 64 KB alone are refused, not taken for a shorter envelope.
    QVERIFY(!PickupEnvelope::read(QByteArrayView(bytes).first(64 * 1024)));
    QCOMPARE(PickupEnvelope::envelopeLength(QByteArrayView(bytes).first(64 * 1024)), -1);
    QCOMPARE(PickupEnvelope::envelopeLength(bytes), e->messageOffset);

    // A bad line far down refuses the file.
    QByteArray bad = bytes;
    bad.insert(e->messageOffset - 2, "\r\n x-receiver: <attacker@evil.example>");
    QBuffer badFile(&bad);
    QVERIFY(badFile.open(QIODevice::ReadOnly));
    QVERIFY(!PickupEnvelope::read(badFile));
    // An envelope without end: refused once it passes the limit.
    QByteArray endless = "x-sender: <>\r\n";
    while (endless.size() <= PickupEnvelope::kMaxBytes + 1024)
        endless += QByteArray("x-receiver: <") + QByteArray(60, 'a') + "@office.lan>\r\n";
    QBuffer endlessFile(&endless);
    QVERIFY(endlessFile.open(QIODevice::ReadOnly));
    const Result<PickupEnvelope> tooLong = PickupEnvelope::read(endlessFile);
    QVERIFY(!tooLong);
    QCOMPARE(tooLong.error().code, ErrorCode::LimitExceeded);
}

void TestSmtpProtocol::envelopeParse_data()
{
    // The reader takes exactly what the writer writes: "x-sender: <path>" CRLF, then one
    // "x-receiver: <path>" CRLF per recipient, each path a valid address in the form the writer
    // gives it, then the message. Anything else is refused, never repaired.
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("sender");
    QTest::addColumn<int>("recipients");
    const QByteArray msg = "Subject: s\r\n\r\nbody\r\n";
    QTest::newRow("as written") << QByteArray(
                                       "x-sender: <a@b.example>\r\nx-receiver: <c@d.example>\r\n")
            + msg << true << QStringLiteral("a@b.example")
                                << 1;
    QTest::newRow("null sender") << QByteArray("x-sender: <>\r\nx-receiver: <c@d.example>\r\n")
            + msg << true << QString()
                                 << 1;
    QTest::newRow("two recipients")
        << QByteArray("x-sender: <a@b.example>\r\nx-receiver: <c@d.example>\r\n"
                      "x-receiver: <e@f.example>\r\n")
            + msg
        << true << QStringLiteral("a@b.example") << 2;
    QTest::newRow("quoted local part")
        << QByteArray("x-sender: <\"john smith\"@b.example>\r\nx-receiver: <c@d.example>\r\n") + msg
        << true << QStringLiteral("\"john smith\"@b.example") << 1;
    QTest::newRow("message of one byte")
        << QByteArray("x-sender: <a@b.example>\r\nx-receiver: <c@d.example>\r\nx") << true
        << QStringLiteral("a@b.example") << 1;

    const auto refused = [](const char *name, const QByteArray &file) {
        QTest::newRow(name) << file << false << QString() << 0;
    };
    refused("exchange style, no brackets",
        QByteArray("x-sender: a@b.example\r\nx-receiver: c@d.example\r\n") + msg);
    refused(
        "capitals", QByteArray("X-Sender: <a@b.example>\r\nX-Receiver: <c@d.example>\r\n") + msg);
    refused("lf only", QByteArray("x-sender: <a@b.example>\nx-receiver: <c@d.example>\n") + msg);
    refused("bare cr", QByteArray("x-sender: <a@b.example>\rx-receiver: <c@d.example>\r\n") + msg);
    refused("bare cr in a path",
        QByteArray("x-sender: <a@b.example>\r\nx-receiver: <c\r@d.example>\r\n") + msg);
    refused("folded receiver",
        QByteArray("x-sender: <a@b.example>\r\nx-receiver: <\"q\r\n x-receiver: "
                   "attacker@evil.example\r\n x-receiver: z\"@office.example>\r\n")
            + msg);
    refused("indented line",
        QByteArray("x-sender: <a@b.example>\r\nx-receiver: <c@d.example>\r\n"
                   " x-receiver: <attacker@evil.example>\r\n")
            + msg);
    refused("space before colon",
        QByteArray("x-sender : <a@b.example>\r\nx-receiver: <c@d.example>\r\n") + msg);
    refused("two spaces",
        QByteArray("x-sender:  <a@b.example>\r\nx-receiver: <c@d.example>\r\n") + msg);
    refused("trailing space",
        QByteArray("x-sender: <a@b.example> \r\nx-receiver: <c@d.example>\r\n") + msg);
    refused("no receiver", QByteArray("x-sender: <a@b.example>\r\n") + msg);
    refused("no sender", QByteArray("x-receiver: <c@d.example>\r\n") + msg);
    refused("sender twice",
        QByteArray("x-sender: <a@b.example>\r\nx-sender: <e@f.example>\r\nx-receiver: "
                   "<c@d.example>\r\n")
            + msg);
    refused("sender after receiver",
        QByteArray("x-receiver: <c@d.example>\r\nx-sender: <a@b.example>\r\n") + msg);
    refused("null receiver", QByteArray("x-sender: <a@b.example>\r\nx-receiver: <>\r\n") + msg);
    refused("receiver twice",
        QByteArray("x-sender: <a@b.example>\r\nx-receiver: <c@d.example>\r\n"
                   "x-receiver: <c@d.example>\r\n")
            + msg);
    refused("not an address",
        QByteArray("x-sender: <a@b.example>\r\nx-receiver: <c d@e.example>\r\n") + msg);
    refused("angle bracket inside",
        QByteArray("x-sender: <a@b.example>\r\nx-receiver: <c>@d.example>\r\n") + msg);
    refused("not as the writer writes it (quotes)",
        QByteArray("x-sender: <a@b.example>\r\nx-receiver: <\"c\"@d.example>\r\n") + msg);
    refused("not as the writer writes it (capital domain)",
        QByteArray("x-sender: <a@b.example>\r\nx-receiver: <c@D.example>\r\n") + msg);
    refused(
        "nul", QByteArray("x-sender: <a@b.example>\r\nx-receiver: <c\0@d.example>\r\n", 53) + msg);
    refused("no message", QByteArray("x-sender: <a@b.example>\r\nx-receiver: <c@d.example>\r\n"));
    refused("cut envelope", QByteArray("x-sender: <a@b.example>\r\nx-receiver: <c@"));
    refused("plain message", QByteArray("From: a@b\r\nTo: c@d\r\n\r\nhi\r\n"));
    refused("garbage", QByteArray("\x00\x01\x02", 3));
    refused("empty", QByteArray());
}

void TestSmtpProtocol::envelopeParse()
{
    QFETCH(QByteArray, file);
    QFETCH(bool, valid);
    const std::optional<PickupEnvelope> e = PickupEnvelope::parse(file);
    QCOMPARE(e.has_value(), valid);
    if (!valid)
        return;
    QFETCH(QString, sender);
    QFETCH(int, recipients);
    QCOMPARE(e->sender, sender);
    QCOMPARE(e->recipients.size(), recipients);
}

QTEST_GUILESS_MAIN(TestSmtpProtocol)
#include "tst_smtpprotocol.moc"
