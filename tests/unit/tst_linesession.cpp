// The conversation under POP3 and SMTP: its pure policies as tables, and the session itself
// with a protocol of one-line replies against a scripted channel.
#include "fakechannel.h"
#include "protocol/linesession.h"

#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>

using namespace Pop3Connector;

namespace {

// A protocol whose greeting and replies are single lines: just enough grammar to drive the
// session's queue, barriers, TLS switch and deadline.
class OneLineProtocol : public LineSession
{
public:
    struct Command : Request
    {
        std::function<void(const QByteArray &reply)> onReply;
    };

    explicit OneLineProtocol(Channel *channel)
        : LineSession(channel, "STARTTLS", nullptr)
    { }

    void send(const QByteArray &line, bool barrier = false,
        std::function<void(const QByteArray &reply)> onReply = {})
    {
        auto c = std::make_unique<Command>();
        c->line = line;
        c->barrier = barrier;
        c->onReply = std::move(onReply);
        enqueue(std::move(c));
    }

    using LineSession::startTls;

private:
    void readInput() override
    {
        while (const std::optional<QByteArray> line = takeLine()) {
            if (phase() == Phase::Greeting) {
                greetingAccepted();
                writePending();
                continue;
            }
            if (!expectReply(*line))
                return;
            const std::unique_ptr<Request> done = takeFrontRequest();
            if (const auto &c = static_cast<const Command &>(*done); c.onReply)
                c.onReply(*line);
            writePending();
            if (!isReading())
                return;
        }
    }
};

struct Outcome
{
    std::optional<SessionFailure> failure;
    QStringList mismatches;
    QStringList remaining;
};

} // namespace

class TestLineSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lineLength_data();
    void lineLength();
    void progressFloor_data();
    void progressFloor();
    void writeWindow_data();
    void writeWindow();
    void channelFailures_data();
    void channelFailures();
    void socketErrors_data();
    void socketErrors();
    void pinCoversOnlyThePinnedCertificate_data();
    void pinCoversOnlyThePinnedCertificate();

    void pipelinedUpToBarrier();
    void unpipelinedWaitsForEachReply();
    void dataAfterStartTlsIsRefused();
    void overlongLineFails();
    void replyNobodyAskedForFails();
    void silenceTimesOut();

private:
    // Runs `drive` on a session over `script` until the script is played or the session fails.
    Outcome run(const QStringList &script, const std::function<void(OneLineProtocol &)> &drive,
        bool pipelining = false, int timeoutMs = 3000);
};

void TestLineSession::lineLength_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("maxLength");
    QTest::addColumn<int>("length");

    QTest::newRow("empty") << QByteArray() << 8 << 0;
    QTest::newRow("CRLF line") << QByteArray("+OK\r\nmore") << 8 << 5;
    QTest::newRow("bare LF") << QByteArray("+OK\nmore") << 8 << 4;
    QTest::newRow("empty line") << QByteArray("\r\n") << 8 << 2;
    QTest::newRow("no LF yet") << QByteArray("+OK") << 8 << 0;
    QTest::newRow("at the cap, CR counts") << QByteArray("1234567\r\n") << 8 << 9;
    QTest::newRow("at the cap, bare LF") << QByteArray("12345678\n") << 8 << 9;
    QTest::newRow("one over, CRLF") << QByteArray("12345678\r\n") << 8 << -1;
    QTest::newRow("cap reached, LF due") << QByteArray("12345678") << 8 << 0;
    QTest::newRow("over the cap, no LF") << QByteArray("123456789") << 8 << -1;
    QTest::newRow("LF far beyond") << QByteArray(100, 'x') + "\n" << 8 << -1;
}

void TestLineSession::lineLength()
{
    QFETCH(QByteArray, input);
    QFETCH(int, maxLength);
    QFETCH(int, length);
    QCOMPARE(Pop3Connector::lineLength(input, maxLength), qsizetype(length));
}

void TestLineSession::progressFloor_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<int>("windowMs");
    QTest::addColumn<qint64>("minBytesPerSecond");
    QTest::addColumn<bool>("keeps");

    // POP3: 1 KB a second over a window of 60 seconds.
    QTest::newRow("silence") << qint64(0) << 60000 << qint64(1024) << false;
    QTest::newRow("a byte a second") << qint64(60) << 60000 << qint64(1024) << false;
    QTest::newRow("just under") << qint64(61439) << 60000 << qint64(1024) << false;
    QTest::newRow("exactly the floor") << qint64(61440) << 60000 << qint64(1024) << true;
    QTest::newRow("50 KB/s") << qint64(3072000) << 60000 << qint64(1024) << true;
    QTest::newRow("short window, one byte") << qint64(1) << 300 << qint64(1024) << false;
    QTest::newRow("sub-second window") << qint64(307) << 300 << qint64(1024) << true;
    // SMTP: any byte keeps the window, none does not.
    QTest::newRow("no floor, silence") << qint64(0) << 60000 << qint64(0) << false;
    QTest::newRow("no floor, one byte") << qint64(1) << 60000 << qint64(0) << true;
}

void TestLineSession::progressFloor()
{
    QFETCH(qint64, bytes);
    QFETCH(int, windowMs);
    QFETCH(qint64, minBytesPerSecond);
    QFETCH(bool, keeps);
    QCOMPARE(keepsProgressFloor(bytes, windowMs, minBytesPerSecond), keeps);
}

void TestLineSession::writeWindow_data()
{
    QTest::addColumn<int>("inFlight");
    QTest::addColumn<bool>("pipelining");
    QTest::addColumn<bool>("behindBarrier");
    QTest::addColumn<bool>("mayWrite");

    QTest::newRow("idle") << 0 << false << false << true;
    QTest::newRow("one waiting") << 1 << false << false << false;
    QTest::newRow("pipelined") << 1 << true << false << true;
    QTest::newRow("pipelined, window full") << 1000 << true << false << false;
    QTest::newRow("pipelined, one short") << 999 << true << false << true;
    QTest::newRow("behind a barrier") << 1 << true << true << false;
}

void TestLineSession::writeWindow()
{
    QFETCH(int, inFlight);
    QFETCH(bool, pipelining);
    QFETCH(bool, behindBarrier);
    QFETCH(bool, mayWrite);
    QCOMPARE(
        mayWriteNext(inFlight, pipelining, LineSession::kMaxPipelined, behindBarrier), mayWrite);
}

void TestLineSession::channelFailures_data()
{
    QTest::addColumn<ChannelError>("channel");
    QTest::addColumn<SessionError>("session");

    QTest::newRow("host") << ChannelError::HostNotFound << SessionError::HostNotFound;
    QTest::newRow("refused") << ChannelError::ConnectionRefused << SessionError::ConnectionRefused;
    QTest::newRow("network") << ChannelError::Network << SessionError::Network;
    QTest::newRow("closed") << ChannelError::RemoteClosed << SessionError::Dropped;
    QTest::newRow("certificate") << ChannelError::TlsCertificate << SessionError::TlsCertificate;
    QTest::newRow("handshake") << ChannelError::TlsHandshake << SessionError::TlsHandshake;
}

void TestLineSession::channelFailures()
{
    QFETCH(ChannelError, channel);
    QFETCH(SessionError, session);
    QCOMPARE(sessionErrorFor(channel), session);
}

void TestLineSession::socketErrors_data()
{
    QTest::addColumn<QAbstractSocket::SocketError>("socket");
    QTest::addColumn<bool>("certificateRefused");
    QTest::addColumn<ChannelError>("channel");

    QTest::newRow("host") << QAbstractSocket::HostNotFoundError << false
                          << ChannelError::HostNotFound;
    QTest::newRow("refused") << QAbstractSocket::ConnectionRefusedError << false
                             << ChannelError::ConnectionRefused;
    QTest::newRow("certificate") << QAbstractSocket::SslHandshakeFailedError << true
                                 << ChannelError::TlsCertificate;
    QTest::newRow("handshake") << QAbstractSocket::SslHandshakeFailedError << false
                               << ChannelError::TlsHandshake;
    QTest::newRow("TLS internal") << QAbstractSocket::SslInternalError << false
                                  << ChannelError::TlsHandshake;
    QTest::newRow("TLS user data")
        << QAbstractSocket::SslInvalidUserDataError << false << ChannelError::TlsHandshake;
    QTest::newRow("closed") << QAbstractSocket::RemoteHostClosedError << false
                            << ChannelError::RemoteClosed;
    QTest::newRow("timeout") << QAbstractSocket::SocketTimeoutError << false
                             << ChannelError::Network;
    QTest::newRow("unreachable") << QAbstractSocket::NetworkError << false << ChannelError::Network;
    // A refused certificate matters only to a failed handshake.
    QTest::newRow("closed after a refusal")
        << QAbstractSocket::RemoteHostClosedError << true << ChannelError::RemoteClosed;
}

void TestLineSession::socketErrors()
{
    QFETCH(QAbstractSocket::SocketError, socket);
    QFETCH(bool, certificateRefused);
    QFETCH(ChannelError, channel);
    QCOMPARE(channelErrorFor(socket, certificateRefused), channel);
}

Outcome TestLineSession::run(const QStringList &script,
    const std::function<void(OneLineProtocol &)> &drive, bool pipelining, int timeoutMs)
{
    auto *channel = new FakeChannel(script);
    channel->setStrictTurns(true);
    OneLineProtocol session(channel);
    session.setPipelining(pipelining);
    session.setTimeout(timeoutMs);
    Outcome outcome;
    connect(&session, &LineSession::failed, this,
        [&outcome](const SessionFailure &f) { outcome.failure = f; });
    drive(session);
    session.open(QStringLiteral("server.example"), 25, false);
    if (!QTest::qWaitFor(
            [&] { return outcome.failure || channel->remaining().isEmpty(); }, timeoutMs + 2000))
        qWarning("the session neither failed nor played the script");
    QTest::qWait(20); // a client line written too early would show now
    outcome.mismatches = channel->mismatches();
    outcome.remaining = channel->remaining();
    return outcome;
}

void TestLineSession::pinCoversOnlyThePinnedCertificate_data()
{
    // Two real, different certificates stand for "the pinned one" and "another".
    const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
    QVERIFY(system.size() >= 2);
    const QSslCertificate pinned = system[0];
    const QSslCertificate other = system[1];
    QTest::addColumn<QSslCertificate>("presented");
    QTest::addColumn<QList<QSslError::SslError>>("errors");
    QTest::addColumn<bool>("covered");
    using E = QSslError;
    QTest::newRow("pinned, unknown issuer")
        << pinned
        << QList<E::SslError> {E::UnableToGetLocalIssuerCertificate,
               E::UnableToVerifyFirstCertificate}
        << true;
    QTest::newRow("pinned, self-signed")
        << pinned << QList<E::SslError> {E::SelfSignedCertificate} << true;
    QTest::newRow("pinned, other name")
        << pinned << QList<E::SslError> {E::HostNameMismatch} << true;
    QTest::newRow("pinned, expired")
        << pinned << QList<E::SslError> {E::SelfSignedCertificate, E::CertificateExpired} << false;
    QTest::newRow("pinned, revoked")
        << pinned << QList<E::SslError> {E::CertificateRevoked} << false;
    QTest::newRow("another certificate")
        << other << QList<E::SslError> {E::SelfSignedCertificate} << false;
    QTest::newRow("no certificate")
        << QSslCertificate() << QList<E::SslError> {E::SelfSignedCertificate} << false;
}

void TestLineSession::pinCoversOnlyThePinnedCertificate()
{
    QFETCH(QSslCertificate, presented);
    QFETCH(QList<QSslError::SslError>, errors);
    QFETCH(bool, covered);
    const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
    QList<QSslError> sslErrors;
    for (QSslError::SslError e : errors)
        sslErrors.append(QSslError(e, presented));
    QCOMPARE(SocketChannel::pinCovers({system[0]}, presented, sslErrors), covered);
}

void TestLineSession::pipelinedUpToBarrier()
{
    // A and B go out together; C waits behind the barrier B until its reply is in.
    const Outcome o = run(
        {QStringLiteral("S: hello"), QStringLiteral("C: A"), QStringLiteral("C: B"),
            QStringLiteral("S: a"), QStringLiteral("S: b"), QStringLiteral("C: C"),
            QStringLiteral("S: c")},
        [](OneLineProtocol &s) {
            s.send("A");
            s.send("B", true);
            s.send("C");
        },
        true);
    QVERIFY(!o.failure);
    QCOMPARE(o.mismatches, QStringList());
    QCOMPARE(o.remaining, QStringList());
}

void TestLineSession::unpipelinedWaitsForEachReply()
{
    const Outcome o =
        run({QStringLiteral("S: hello"), QStringLiteral("C: A"), QStringLiteral("S: a"),
                QStringLiteral("C: B"), QStringLiteral("S: b")},
            [](OneLineProtocol &s) {
                s.send("A");
                s.send("B");
            });
    QVERIFY(!o.failure);
    QCOMPARE(o.mismatches, QStringList());
    QCOMPARE(o.remaining, QStringList());
}

void TestLineSession::dataAfterStartTlsIsRefused()
{
    // RFC 3207 §4.2: a line after the go-ahead, before the handshake, could be an attacker's.
    const Outcome o = run({QStringLiteral("S: hello"), QStringLiteral("C: STARTTLS"),
                              QStringLiteral("S: go ahead"), QStringLiteral("S: injected")},
        [](OneLineProtocol &s) {
            s.send("STARTTLS", false, [&s](const QByteArray &) { s.startTls(); });
        });
    QVERIFY(o.failure);
    QCOMPARE(o.failure->error, SessionError::ProtocolViolation);
    QVERIFY2(o.failure->detail.contains(QStringLiteral("STARTTLS")), qPrintable(o.failure->detail));
}

void TestLineSession::overlongLineFails()
{
    const Outcome o = run({QStringLiteral("S: hello"), QStringLiteral("C: A"),
                              QStringLiteral("S: ") + QString(9000, u'x')},
        [](OneLineProtocol &s) { s.send("A"); });
    QVERIFY(o.failure);
    QCOMPARE(o.failure->error, SessionError::ProtocolViolation);
    QVERIFY2(o.failure->detail.contains(QStringLiteral("longer than 8192")),
        qPrintable(o.failure->detail));
}

void TestLineSession::replyNobodyAskedForFails()
{
    const Outcome o = run(
        {QStringLiteral("S: hello"), QStringLiteral("S: surprise\x01")}, [](OneLineProtocol &) {});
    QVERIFY(o.failure);
    QCOMPARE(o.failure->error, SessionError::ProtocolViolation);
    QCOMPARE(
        o.failure->detail, QStringLiteral("the server sent \"surprise?\" when no reply was due"));
}

void TestLineSession::silenceTimesOut()
{
    const Outcome o = run(
        {QStringLiteral("S: hello"), QStringLiteral("C: NOOP"), QStringLiteral("S:STALL")},
        [](OneLineProtocol &s) { s.send("NOOP"); }, false, 300);
    QVERIFY(o.failure);
    QCOMPARE(o.failure->error, SessionError::Timeout);
    QCOMPARE(o.failure->detail,
        QStringLiteral("no data for 1 second(s) while waiting for the reply to NOOP"));
}

QTEST_GUILESS_MAIN(TestLineSession)
#include "tst_linesession.moc"
