// Whole POP3 conversations of a mailbox retrieval against a scripted channel: what the client
// writes is compared byte for byte, and what it stores is checked on disk.
#include "fakechannel.h"
#include "pipeline/download/mailboxretrieval.h"
#include "spool/spoolcommitter.h"
#include "spool/uidledger.h"
#include "spoolcheck.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Pop3Connector;

namespace {

struct Run
{
    std::unique_ptr<MailboxRetrieval> retrieval;
    FakeChannel *channel = nullptr;
    RetrievalReport report;
    QList<Event> events;
    QList<QByteArray> transcript;

    bool hasEvent(EventId id) const
    {
        return std::any_of(
            events.cbegin(), events.cend(), [id](const Event &e) { return e.id == id; });
    }
};

MailboxSettings mailbox()
{
    MailboxSettings m;
    m.name = QStringLiteral("office");
    m.host = QStringLiteral("pop.isp.example");
    m.port = 110;
    m.security = Pop3Security::None;
    m.user = QStringLiteral("alice");
    return m;
}

const QStringList kGreeting = {QStringLiteral("S: +OK POP3 ready <1896.697170952@isp.example>")};
const QStringList kCapaPipelining = {
    QStringLiteral("C: CAPA"),
    QStringLiteral("S: +OK"),
    QStringLiteral("S: USER"),
    QStringLiteral("S: UIDL"),
    QStringLiteral("S: PIPELINING"),
    QStringLiteral("S: RESP-CODES"),
    QStringLiteral("S: ."),
};
const QStringList kUserPass = {
    QStringLiteral("C: USER alice"),
    QStringLiteral("S: +OK"),
    QStringLiteral("C: PASS s3cret"),
    QStringLiteral("S: +OK logged in"),
};

// Pipelined UIDL and LIST of one message, "a" of 10 bytes.
const QStringList kOneMessageListed = {
    QStringLiteral("C: UIDL"),
    QStringLiteral("C: LIST"),
    QStringLiteral("S: +OK"),
    QStringLiteral("S: 1 a"),
    QStringLiteral("S: ."),
    QStringLiteral("S: +OK"),
    QStringLiteral("S: 1 10"),
    QStringLiteral("S: ."),
};

// Message number -> UIDL, from the server's UIDL listing in a script.
QHash<int, QByteArray> uidsOf(const QStringList &script)
{
    QHash<int, QByteArray> uids;
    qsizetype i = script.indexOf(QStringLiteral("C: UIDL"));
    if (i < 0)
        return uids;
    while (i < script.size() && !script[i].startsWith(QStringLiteral("S: ")))
        ++i; // the UIDL reply comes first; LIST's is written behind it
    if (i == script.size() || !script[i].startsWith(QStringLiteral("S: +OK")))
        return uids; // a server without UIDL
    for (++i; i < script.size() && script[i] != QStringLiteral("S: ."); ++i) {
        const QStringList f = script[i].mid(3).split(u' ');
        if (script[i].startsWith(QStringLiteral("S: ")) && f.size() == 2)
            uids.insert(f[0].toInt(), f[1].toLatin1());
    }
    return uids;
}

// The stop comes as a queued call, as the coordinator sends it, right after the client wrote
// `line`.
void stopAt(MailboxRetrieval &retrieval, const QByteArray &written, const QByteArray &line)
{
    if (written == line)
        QMetaObject::invokeMethod(&retrieval, &MailboxRetrieval::requestStop, Qt::QueuedConnection);
}

} // namespace

class TestPop3Session : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void pipelinedRetrievalStoresThenDeletes();
    void rfc1939ServerWithoutCapa();
    void stlsUpgradesAndAsksCapaAgain();
    void stlsMissingNeverSendsPassword();
    void stlsRefusedNeverSendsPassword();
    void dataAfterStlsIsRefused();
    void strongestSaslIsChosen();
    void authLoginAndPlain();
    void apop();
    void oauthTokenMechanisms();
    void respCodesMeanRetryLater_data();
    void respCodesMeanRetryLater();
    void leaveOnServerSkipsStoredAndExpiresOld();
    void sizeLimitAndPerCycleCap();
    void expirePolicyConflictIsReported();
    void loginDelayLongerThanIntervalIsReported();
    void storedButNotDeletedIsDeletedWithoutDownload();
    void serverWithoutUidlIsRecognisedByDigest();
    void refusedMessageDoesNotStopOthers();
    void garbageGreeting();
    void overlongReplyLine();
    void droppedMidMessageKeepsNothingPartial();
    void timeoutWhenServerStalls();
    void transcriptMasksSecrets();
    void overlongListingLine();
    void capaReplyCap();
    void quitRefusedFailsMailbox();
    void messageOutgrowingLimitIsRemembered();
    void ledgerKeepsOversizedMarkers();
    void probeAsksForTheDropListingOnly();
    void stopFinishesRequestedMessagesAndQuits();
    void stopWhileMessageStallsGivesUpAtHalfTheTimeout();
    void quitUnansweredAfterStopIsGivenUp();
    void stopBeforeTransactionCancels();

private:
    Run run(const QStringList &script, const MailboxSettings &mb, bool strict = false,
        int timeoutMs = 5000);

    std::unique_ptr<QTemporaryDir> m_dir;
    Spool m_spool;
    std::unique_ptr<SpoolCommitter> m_committer;
    std::shared_ptr<UidLedger> m_ledger;
    int m_intervalSeconds = 0;
    bool m_probeOnly = false;
    bool m_quietTokenRefusal = false;
    // Called as the client writes each line; a test stops the retrieval at a chosen moment.
    std::function<void(MailboxRetrieval &retrieval, const QByteArray &line)> m_onClientLine;
};

void TestPop3Session::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_spool = Spool(m_dir->path());
    QCOMPARE(failure(m_spool.prepare()), QString());
    m_committer = std::make_unique<SpoolCommitter>(m_spool);
    m_ledger = std::make_shared<UidLedger>(m_spool.ledgerPath(QStringLiteral("office")));
    QCOMPARE(failure(m_ledger->open(QStringLiteral("pop.isp.example alice"))), QString());
    m_probeOnly = false;
    m_quietTokenRefusal = false;
    m_onClientLine = {};
}

Run TestPop3Session::run(
    const QStringList &script, const MailboxSettings &mb, bool strict, int timeoutMs)
{
    Run r;
    MailboxRetrieval::Setup setup;
    setup.mailbox = mb;
    setup.password = "s3cret";
    setup.timeoutMs = timeoutMs;
    setup.logLevel = LogLevel::Maximum;
    setup.transcript = true;
    setup.intervalSeconds = m_intervalSeconds;
    setup.probeOnly = m_probeOnly;
    setup.quietTokenRefusal = m_quietTokenRefusal;
    setup.spool = m_spool;
    setup.committer = m_committer.get();
    setup.ledger = m_ledger;
    // Store, then delete: whenever the client writes DELE, the message must already be in the
    // ledger and, when it was stored by this run, in Incoming Mail.
    const QHash<int, QByteArray> uids = uidsOf(script);
    QSet<QByteArray> ledgeredBefore;
    for (const QByteArray &uid : uids) {
        if (m_ledger->find(uid))
            ledgeredBefore.insert(uid);
    }
    const auto deleCheck = [this, uids, ledgeredBefore](const QByteArray &line) -> QString {
        if (!line.startsWith("DELE "))
            return {};
        const QByteArray uid = uids.value(line.mid(5).toInt());
        if (uid.isEmpty())
            return {}; // no UIDL in this conversation: recognised by digest after RETR
        const std::optional<UidLedger::Entry> entry = m_ledger->find(uid);
        if (!entry)
            return QStringLiteral("%1 written before %2 was in the ledger")
                .arg(QString::fromLatin1(line), QString::fromLatin1(uid));
        if (!ledgeredBefore.contains(uid)
            && !QFile::exists(m_spool.messagePath(SpoolFolder::Incoming, entry->spoolName)))
            return QStringLiteral("%1 written before %2 was in Incoming Mail")
                .arg(QString::fromLatin1(line), entry->spoolName);
        return {};
    };
    setup.channelFactory = [&r, script, strict, deleCheck] {
        r.channel = new FakeChannel(script);
        r.channel->setStrictTurns(strict);
        r.channel->setLineCheck(deleCheck);
        return r.channel;
    };
    r.retrieval = std::make_unique<MailboxRetrieval>(setup);
    connect(r.retrieval.get(), &MailboxRetrieval::eventRaised, this,
        [&r](const Event &e) { r.events.append(e); });
    connect(r.retrieval.get(), &MailboxRetrieval::transcriptLine, this,
        [this, &r](const QString &, TranscriptDirection direction, const QByteArray &line) {
            r.transcript.append(line);
            if (m_onClientLine && direction == TranscriptDirection::Client)
                m_onClientLine(*r.retrieval, line);
        });
    QSignalSpy finished(r.retrieval.get(), &MailboxRetrieval::finished);
    r.retrieval->start();
    if (!finished.wait(timeoutMs + 5000))
        qWarning("retrieval did not finish");
    else
        r.report = finished.first().first().value<RetrievalReport>();
    return r;
}

#define CHECK_CONVERSATION(r)                                                                      \
    do {                                                                                           \
        QVERIFY2((r).channel->mismatches().isEmpty(),                                              \
            qPrintable((r).channel->mismatches().join(u'\n')));                                    \
        QVERIFY2(                                                                                  \
            (r).channel->remaining().isEmpty(), qPrintable((r).channel->remaining().join(u'\n'))); \
    } while (false)

void TestPop3Session::pipelinedRetrievalStoresThenDeletes()
{
    const QStringList script = kGreeting + kCapaPipelining + kUserPass
        + QStringList {
            QStringLiteral("C: UIDL"),
            QStringLiteral("C: LIST"),
            QStringLiteral("S: +OK"),
            QStringLiteral("S: 1 uid-a"),
            QStringLiteral("S: 2 uid-b"),
            QStringLiteral("S: ."),
            QStringLiteral("S: +OK 2 messages"),
            QStringLiteral("S: 1 40"),
            QStringLiteral("S: 2 30"),
            QStringLiteral("S: ."),
            QStringLiteral("C: RETR 1"),
            QStringLiteral("C: RETR 2"),
            QStringLiteral("S: +OK 40 octets"),
            QStringLiteral("S: Subject: one"),
            QStringLiteral("S: "),
            QStringLiteral("S: ..leading dot"),
            QStringLiteral("S: ...."),
            QStringLiteral("S: ."),
            QStringLiteral("S: +OK"),
            QStringLiteral("S: Subject: two"),
            QStringLiteral("S: "),
            QStringLiteral("S: body"),
            QStringLiteral("S: ."),
            QStringLiteral("C: DELE 1"),
            QStringLiteral("C: DELE 2"),
            QStringLiteral("C: QUIT"),
            QStringLiteral("S: +OK"),
            QStringLiteral("S: +OK"),
            QStringLiteral("S: +OK bye"),
        };
    Run r = run(script, mailbox());
    CHECK_CONVERSATION(r);
    QCOMPARE(int(r.report.outcome), int(RetrievalReport::Outcome::Succeeded));
    QCOMPARE(r.report.stored, 2);
    QCOMPARE(r.report.deleted, 2);
    const QString incoming = m_spool.folderPath(SpoolFolder::Incoming);
    QCOMPARE(compareWithCorpus(
                 incoming, {"Subject: one\n\n.leading dot\n...\n", "Subject: two\n\nbody\n"}),
        QString());
    const QList<SpooledMessage> stored = readSpoolFolder(incoming);
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored[0].metadata.uid, QByteArray("uid-a"));
    QCOMPARE(stored[0].metadata.mailbox, QStringLiteral("office"));
    QCOMPARE(stored[1].metadata.uid, QByteArray("uid-b"));
    // The ledger knows both under the names they were stored as.
    QCOMPARE(m_ledger->find("uid-a")->spoolName, stored[0].name);
    QCOMPARE(m_ledger->find("uid-b")->spoolName, stored[1].name);
    QVERIFY(QDir(m_spool.tmpPath()).isEmpty());
}

void TestPop3Session::rfc1939ServerWithoutCapa()
{
    const QStringList script = kGreeting + QStringList{
        QStringLiteral("C: CAPA"), QStringLiteral("S: -ERR unknown command"),
    } + kUserPass + QStringList{
        QStringLiteral("C: UIDL"), QStringLiteral("S: +OK"), QStringLiteral("S: 1 u1"), QStringLiteral("S: ."),
        QStringLiteral("C: LIST"), QStringLiteral("S: +OK"), QStringLiteral("S: 1 10"), QStringLiteral("S: ."),
        QStringLiteral("C: RETR 1"), QStringLiteral("S: +OK"), QStringLiteral("S: X: y"), QStringLiteral("S: "), QStringLiteral("S: hi"), QStringLiteral("S: ."),
        QStringLiteral("C: DELE 1"), QStringLiteral("S: +OK"),
        QStringLiteral("C: QUIT"), QStringLiteral("S: +OK"),
    };
    // Strict turns: without PIPELINING nothing may be written before the previous reply.
    Run r = run(script, mailbox(), true);
    CHECK_CONVERSATION(r);
    QCOMPARE(r.report.stored, 1);
    QCOMPARE(r.report.deleted, 1);
}

void TestPop3Session::stlsUpgradesAndAsksCapaAgain()
{
    MailboxSettings mb = mailbox();
    mb.security = Pop3Security::StartTls;
    const QStringList script = kGreeting + QStringList{
        QStringLiteral("C: CAPA"), QStringLiteral("S: +OK"), QStringLiteral("S: STLS"), QStringLiteral("S: USER"), QStringLiteral("S: ."),
        QStringLiteral("C: STLS"), QStringLiteral("S: +OK Begin TLS"),
        // RFC 2595 §4: capabilities are asked again once encrypted.
        QStringLiteral("C: CAPA"), QStringLiteral("S: +OK"), QStringLiteral("S: USER"), QStringLiteral("S: UIDL"), QStringLiteral("S: ."),
    } + kUserPass + QStringList{
        QStringLiteral("C: UIDL"), QStringLiteral("S: +OK"), QStringLiteral("S: ."),
        QStringLiteral("C: LIST"), QStringLiteral("S: +OK"), QStringLiteral("S: ."),
        QStringLiteral("C: QUIT"), QStringLiteral("S: +OK"),
    };
    Run r = run(script, mb, true);
    CHECK_CONVERSATION(r);
    QVERIFY(r.channel->tlsStarted());
    QCOMPARE(int(r.report.outcome), int(RetrievalReport::Outcome::Succeeded));
}

void TestPop3Session::stlsMissingNeverSendsPassword()
{
    MailboxSettings mb = mailbox();
    mb.security = Pop3Security::StartTls;
    const QStringList script = kGreeting
        + QStringList {
            QStringLiteral("C: CAPA"),
            QStringLiteral("S: +OK"),
            QStringLiteral("S: USER"),
            QStringLiteral("S: ."),
            QStringLiteral("C: QUIT"),
            QStringLiteral("S: +OK"),
        };
    Run r = run(script, mb);
    CHECK_CONVERSATION(r);
    QCOMPARE(int(r.report.failureId), int(EventId::StartTlsUnavailable));
    QVERIFY(!r.channel->written().contains("PASS"));
    QVERIFY(!r.channel->written().contains("USER"));
    QVERIFY(r.hasEvent(EventId::StartTlsUnavailable));
}

void TestPop3Session::stlsRefusedNeverSendsPassword()
{
    MailboxSettings mb = mailbox();
    mb.security = Pop3Security::StartTls;
    const QStringList script = kGreeting
        + QStringList {
            QStringLiteral("C: CAPA"),
            QStringLiteral("S: +OK"),
            QStringLiteral("S: STLS"),
            QStringLiteral("S: ."),
            QStringLiteral("C: STLS"),
            QStringLiteral("S: -ERR TLS is broken today"),
            QStringLiteral("C: QUIT"),
            QStringLiteral("S: +OK"),
        };
    Run r = run(script, mb);
    CHECK_CONVERSATION(r);
    QCOMPARE(int(r.report.failureId), int(EventId::StartTlsUnavailable));
    QVERIFY(r.report.failureText.contains(QStringLiteral("TLS is broken today")));
    QVERIFY(!r.channel->written().contains("PASS"));
    QVERIFY(!r.channel->tlsStarted());
}

void TestPop3Session::dataAfterStlsIsRefused()
{
    MailboxSettings mb = mailbox();
    mb.security = Pop3Security::StartTls;
    const QStringList script = kGreeting
        + QStringList {
            QStringLiteral("C: CAPA"),
            QStringLiteral("S: +OK"),
            QStringLiteral("S: STLS"),
            QStringLiteral("S: ."),
            QStringLiteral("C: STLS"),
            QStringLiteral("S: +OK go ahead"),
            QStringLiteral("S: +OK injected in clear text"),
        };
    Run r = run(script, mb);
    QCOMPARE(int(r.report.failureId), int(EventId::ProtocolViolation));
    QVERIFY(!r.channel->tlsStarted());
    QVERIFY(!r.channel->written().contains("PASS"));
}

void TestPop3Session::strongestSaslIsChosen()
{
    const QByteArray challenge = QByteArray("<1896.697170952@isp.example>").toBase64();
    const QStringList script = kGreeting
        + QStringList {
            QStringLiteral("C: CAPA"),
            QStringLiteral("S: +OK"),
            QStringLiteral("S: SASL LOGIN PLAIN CRAM-MD5"),
            QStringLiteral("S: USER"),
            QStringLiteral("S: ."),
            QStringLiteral("C: AUTH CRAM-MD5"),
            QStringLiteral("S: + ") + QString::fromLatin1(challenge),
            // RFC 2195: "alice " and the HMAC-MD5 of the challenge keyed with "s3cret".
            QStringLiteral("C: YWxpY2UgN2Y0YzkxNDk4ZjFlZDc3NmFkZDU3ZjBhMGIzMmQyZGI="),
            QStringLiteral("S: +OK authenticated"),
            QStringLiteral("C: UIDL"),
            QStringLiteral("S: +OK"),
            QStringLiteral("S: ."),
            QStringLiteral("C: LIST"),
            QStringLiteral("S: +OK"),
            QStringLiteral("S: ."),
            QStringLiteral("C: QUIT"),
            QStringLiteral("S: +OK"),
        };
    Run r = run(script, mailbox(), true);
    CHECK_CONVERSATION(r);
    QCOMPARE(int(r.report.outcome), int(RetrievalReport::Outcome::Succeeded));
}

void TestPop3Session::authLoginAndPlain()
{
    MailboxSettings mb = mailbox();
    mb.auth = AuthMethod::Login;
    const QStringList tail = {
        QStringLiteral("C: UIDL"),
        QStringLiteral("S: +OK"),
        QStringLiteral("S: ."),
        QStringLiteral("C: LIST"),
        QStringLiteral("S: +OK"),
        QStringLiteral("S: ."),
        QStringLiteral("C: QUIT"),
        QStringLiteral("S: +OK"),
    };
    const QStringList capa = {QStringLiteral("C: CAPA"), QStringLiteral("S: +OK"),
        QStringLiteral("S: SASL PLAIN LOGIN"), QStringLiteral("S: .")};
    Run login = run(kGreeting + capa + QStringList{
        QStringLiteral("C: AUTH LOGIN"), QStringLiteral("S: + VXNlcm5hbWU6"),
        QStringLiteral("C: YWxpY2U="), QStringLiteral("S: + UGFzc3dvcmQ6"),
        QStringLiteral("C: czNjcmV0"), QStringLiteral("S: +OK"),
    } + tail, mb, true);
    CHECK_CONVERSATION(login);

    init();
    mb.auth = AuthMethod::Automatic; // PLAIN is the strongest offered here
    Run plain = run(kGreeting + capa + QStringList{
        QStringLiteral("C: AUTH PLAIN"), QStringLiteral("S: +"),
        QStringLiteral("C: AGFsaWNlAHMzY3JldA=="), QStringLiteral("S: +OK"), // NUL alice NUL s3cret
    } + tail, mb, true);
    CHECK_CONVERSATION(plain);
}

void TestPop3Session::apop()
{
    MailboxSettings mb = mailbox();
    mb.auth = AuthMethod::Apop;
    const QByteArray digest = apopDigest("<1896.697170952@isp.example>", "s3cret");
    Run r = run(kGreeting + QStringList{
        QStringLiteral("C: CAPA"), QStringLiteral("S: -ERR"),
        QStringLiteral("C: APOP alice ") + QString::fromLatin1(digest), QStringLiteral("S: +OK"),
        QStringLiteral("C: UIDL"), QStringLiteral("S: +OK"), QStringLiteral("S: ."),
        QStringLiteral("C: LIST"), QStringLiteral("S: +OK"), QStringLiteral("S: ."),
        QStringLiteral("C: QUIT"), QStringLiteral("S: +OK"),
    }, mb, true);
    CHECK_CONVERSATION(r);
    for (const QByteArray &line : std::as_const(r.transcript))
        QVERIFY2(!line.contains(digest), line.constData());
}

// RFC 5034 AUTH with an OAuth 2.0 access token (setup.password holds it here): XOAUTH2 accepted;
// OAUTHBEARER refused with RFC 7628's error challenge, answered with %x01, then -ERR: the
// mailbox's event names the server's status, or is only recorded while the connector retries.
void TestPop3Session::oauthTokenMechanisms()
{
    const QStringList capa = {QStringLiteral("C: CAPA"), QStringLiteral("S: +OK"),
        QStringLiteral("S: SASL XOAUTH2 OAUTHBEARER PLAIN"), QStringLiteral("S: .")};
    const QStringList tail = {
        QStringLiteral("C: UIDL"),
        QStringLiteral("S: +OK"),
        QStringLiteral("S: ."),
        QStringLiteral("C: LIST"),
        QStringLiteral("S: +OK"),
        QStringLiteral("S: ."),
        QStringLiteral("C: QUIT"),
        QStringLiteral("S: +OK"),
    };
    MailboxSettings mb = mailbox();
    mb.auth = AuthMethod::XOAuth2;
    const QByteArray xoauth2 = QByteArray("user=alice\x01"
                                          "auth=Bearer s3cret\x01\x01")
                                   .toBase64();
    Run accepted = run(kGreeting + capa
            + QStringList {QStringLiteral("C: AUTH XOAUTH2"), QStringLiteral("S: +"),
                QStringLiteral("C: ") + QString::fromLatin1(xoauth2),
                QStringLiteral("S: +OK welcome")}
            + tail,
        mb, true);
    CHECK_CONVERSATION(accepted);
    QCOMPARE(int(accepted.report.outcome), int(RetrievalReport::Outcome::Succeeded));
    QVERIFY(accepted.transcript.contains("********"));
    for (const QByteArray &line : std::as_const(accepted.transcript)) {
        QVERIFY2(!line.contains(xoauth2) && !line.contains("s3cret"), line.constData());
    }

    mb.auth = AuthMethod::OAuthBearer;
    const QByteArray bearer = QByteArray("n,a=alice,\x01host=pop.isp.example\x01port=110\x01"
                                         "auth=Bearer s3cret\x01\x01")
                                  .toBase64();
    const QByteArray refusal = QByteArray(R"({"status":"invalid_token","scope":"pop"})").toBase64();
    const QStringList refused = kGreeting + capa
        + QStringList {QStringLiteral("C: AUTH OAUTHBEARER"), QStringLiteral("S: +"),
            QStringLiteral("C: ") + QString::fromLatin1(bearer),
            QStringLiteral("S: + ") + QString::fromLatin1(refusal), QStringLiteral("C: AQ=="),
            QStringLiteral("S: -ERR [AUTH] Authentication failed."), QStringLiteral("C: QUIT"),
            QStringLiteral("S: +OK")};
    for (const bool quiet : {false, true}) {
        init();
        m_quietTokenRefusal = quiet;
        Run r = run(refused, mb, true);
        CHECK_CONVERSATION(r);
        QCOMPARE(int(r.report.outcome), int(RetrievalReport::Outcome::Failed));
        QCOMPARE(int(r.report.failureId), int(EventId::OAuthTokenRejected));
        QVERIFY2(r.report.failureText.contains(QStringLiteral("invalid_token")),
            qPrintable(r.report.failureText));
        QCOMPARE(r.hasEvent(EventId::OAuthTokenRejected), !quiet);
        QVERIFY(!r.hasEvent(EventId::AuthenticationFailed));
    }
}

void TestPop3Session::respCodesMeanRetryLater_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<int>("event");
    QTest::addColumn<QString>("serverText");
    QTest::newRow("in-use") << QStringLiteral("-ERR [IN-USE] another session is active")
                            << int(RetrievalReport::Outcome::Deferred) << int(EventId::MailboxBusy)
                            << QStringLiteral("another session is active");
    QTest::newRow("login-delay") << QStringLiteral("-ERR [LOGIN-DELAY] wait 15 minutes")
                                 << int(RetrievalReport::Outcome::Deferred)
                                 << int(EventId::MailboxBusy) << QStringLiteral("wait 15 minutes");
    QTest::newRow("sys/temp") << QStringLiteral("-ERR [SYS/TEMP] storage offline")
                              << int(RetrievalReport::Outcome::Deferred)
                              << int(EventId::ServerTemporaryFailure)
                              << QStringLiteral("storage offline");
    QTest::newRow("sys/perm") << QStringLiteral("-ERR [SYS/PERM] account disabled")
                              << int(RetrievalReport::Outcome::Failed)
                              << int(EventId::ServerPermanentFailure)
                              << QStringLiteral("account disabled");
    QTest::newRow("auth") << QStringLiteral("-ERR [AUTH] bad password")
                          << int(RetrievalReport::Outcome::Failed)
                          << int(EventId::AuthenticationFailed) << QStringLiteral("bad password");
    QTest::newRow("no code") << QStringLiteral("-ERR invalid login")
                             << int(RetrievalReport::Outcome::Failed)
                             << int(EventId::AuthenticationFailed)
                             << QStringLiteral("invalid login");
}

void TestPop3Session::respCodesMeanRetryLater()
{
    QFETCH(QString, reply);
    QFETCH(int, outcome);
    QFETCH(int, event);
    QFETCH(QString, serverText);
    Run r = run(kGreeting + kCapaPipelining + QStringList{
        QStringLiteral("C: USER alice"), QStringLiteral("S: +OK"),
        QStringLiteral("C: PASS s3cret"), QStringLiteral("S: ") + reply,
        QStringLiteral("C: QUIT"), QStringLiteral("S: +OK"),
    }, mailbox());
    CHECK_CONVERSATION(r);
    QCOMPARE(int(r.report.outcome), outcome);
    QCOMPARE(int(r.report.failureId), event);
    QVERIFY2(r.report.failureText.contains(serverText), qPrintable(r.report.failureText));
}

void TestPop3Session::leaveOnServerSkipsStoredAndExpiresOld()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QCOMPARE(failure(m_ledger->append({{"uid-old", {now - 10 * 86400, QStringLiteral("n1")}},
                 {"uid-recent", {now - 86400, QStringLiteral("n2")}}})),
        QString());
    MailboxSettings mb = mailbox();
    mb.leaveOnServer = true;
    mb.deleteAfterDays = 7;
    Run r = run(kGreeting + kCapaPipelining + kUserPass + QStringList{
        QStringLiteral("C: UIDL"), QStringLiteral("C: LIST"),
        QStringLiteral("S: +OK"), QStringLiteral("S: 1 uid-old"), QStringLiteral("S: 2 uid-recent"), QStringLiteral("S: 3 uid-new"), QStringLiteral("S: ."),
        QStringLiteral("S: +OK"), QStringLiteral("S: 1 10"), QStringLiteral("S: 2 10"), QStringLiteral("S: 3 10"), QStringLiteral("S: ."),
        // Older than 7 days: deleted without being retrieved again. Recent: left alone.
        QStringLiteral("C: DELE 1"), QStringLiteral("C: RETR 3"),
        QStringLiteral("S: +OK"), QStringLiteral("S: +OK"), QStringLiteral("S: X: 3"), QStringLiteral("S: "), QStringLiteral("S: ."),
        QStringLiteral("C: QUIT"), QStringLiteral("S: +OK"),
    }, mb);
    CHECK_CONVERSATION(r);
    QCOMPARE(r.report.stored, 1);
    QCOMPARE(r.report.deleted, 1);
    QCOMPARE(r.report.alreadyStored, 2);
    QVERIFY(m_ledger->find("uid-new"));
}

void TestPop3Session::sizeLimitAndPerCycleCap()
{
    MailboxSettings mb = mailbox();
    mb.maxMessageKb = 1;
    mb.maxMessagesPerCycle = 1;
    Run r = run(kGreeting + kCapaPipelining + kUserPass + QStringList{
        QStringLiteral("C: UIDL"), QStringLiteral("C: LIST"),
        QStringLiteral("S: +OK"), QStringLiteral("S: 1 a"), QStringLiteral("S: 2 b"), QStringLiteral("S: 3 c"), QStringLiteral("S: ."),
        QStringLiteral("S: +OK"), QStringLiteral("S: 1 5000"), QStringLiteral("S: 2 100"), QStringLiteral("S: 3 100"), QStringLiteral("S: ."),
        QStringLiteral("C: RETR 2"), QStringLiteral("S: +OK"), QStringLiteral("S: X: 2"), QStringLiteral("S: "), QStringLiteral("S: ."),
        QStringLiteral("C: DELE 2"), QStringLiteral("C: QUIT"), QStringLiteral("S: +OK"), QStringLiteral("S: +OK"),
    }, mb);
    CHECK_CONVERSATION(r);
    QCOMPARE(r.report.tooLarge, 1);
    QCOMPARE(r.report.backlog, 1);
    QCOMPARE(r.report.stored, 1);
    QVERIFY(r.hasEvent(EventId::MessageTooLarge));
    QVERIFY(r.hasEvent(EventId::BacklogRemaining));
}

void TestPop3Session::expirePolicyConflictIsReported()
{
    MailboxSettings mb = mailbox();
    mb.leaveOnServer = true;
    mb.deleteAfterDays = 30;
    const QStringList rest = kUserPass
        + QStringList {
            QStringLiteral("C: UIDL"),
            QStringLiteral("C: LIST"),
            QStringLiteral("S: +OK"),
            QStringLiteral("S: ."),
            QStringLiteral("S: +OK"),
            QStringLiteral("S: ."),
            QStringLiteral("C: QUIT"),
            QStringLiteral("S: +OK"),
        };
    auto capa = [](const QString &expire) {
        return QStringList {QStringLiteral("C: CAPA"), QStringLiteral("S: +OK"),
            QStringLiteral("S: USER"), QStringLiteral("S: PIPELINING"),
            QStringLiteral("S: EXPIRE ") + expire, QStringLiteral("S: .")};
    };
    // The provider keeps mail 7 days; the mailbox wants 30.
    Run shorter = run(kGreeting + capa(QStringLiteral("7")) + rest, mb);
    CHECK_CONVERSATION(shorter);
    QVERIFY(shorter.hasEvent(EventId::ExpirePolicyConflict));
    // 60 days, or NEVER: no conflict.
    init();
    Run longer = run(kGreeting + capa(QStringLiteral("60")) + rest, mb);
    QVERIFY(!longer.hasEvent(EventId::ExpirePolicyConflict));
    init();
    Run never = run(kGreeting + capa(QStringLiteral("NEVER")) + rest, mb);
    QVERIFY(!never.hasEvent(EventId::ExpirePolicyConflict));
}

void TestPop3Session::loginDelayLongerThanIntervalIsReported()
{
    const QStringList script = kGreeting
        + QStringList {QStringLiteral("C: CAPA"), QStringLiteral("S: +OK"),
            QStringLiteral("S: USER"), QStringLiteral("S: LOGIN-DELAY 900"), QStringLiteral("S: .")}
        + kUserPass
        + QStringList {QStringLiteral("C: UIDL"), QStringLiteral("S: +OK"), QStringLiteral("S: ."),
            QStringLiteral("C: LIST"), QStringLiteral("S: +OK"), QStringLiteral("S: ."),
            QStringLiteral("C: QUIT"), QStringLiteral("S: +OK")};
    m_intervalSeconds = 5 * 60; // every 5 minutes, the server allows every 15
    Run shorter = run(script, mailbox(), true);
    CHECK_CONVERSATION(shorter);
    QVERIFY(shorter.hasEvent(EventId::LoginDelayLongerThanInterval));
    init();
    m_intervalSeconds = 30 * 60;
    Run longer = run(script, mailbox(), true);
    QVERIFY(!longer.hasEvent(EventId::LoginDelayLongerThanInterval));
    m_intervalSeconds = 0;
}

void TestPop3Session::storedButNotDeletedIsDeletedWithoutDownload()
{
    // A previous run stored uid-a but its QUIT never completed.
    QCOMPARE(failure(m_ledger->append(
                 {{"uid-a", {QDateTime::currentSecsSinceEpoch(), QStringLiteral("n")}}})),
        QString());
    Run r = run(kGreeting + kCapaPipelining + kUserPass + QStringList{
        QStringLiteral("C: UIDL"), QStringLiteral("C: LIST"),
        QStringLiteral("S: +OK"), QStringLiteral("S: 1 uid-a"), QStringLiteral("S: ."),
        QStringLiteral("S: +OK"), QStringLiteral("S: 1 10"), QStringLiteral("S: ."),
        QStringLiteral("C: DELE 1"), QStringLiteral("C: QUIT"), QStringLiteral("S: +OK"), QStringLiteral("S: +OK"),
    }, mailbox());
    CHECK_CONVERSATION(r);
    QCOMPARE(r.report.stored, 0);
    QCOMPARE(r.report.deleted, 1);
    QVERIFY(readSpoolFolder(m_spool.folderPath(SpoolFolder::Incoming)).isEmpty());
}

void TestPop3Session::serverWithoutUidlIsRecognisedByDigest()
{
    const QStringList noUidl = kGreeting + QStringList{
        QStringLiteral("C: CAPA"), QStringLiteral("S: +OK"), QStringLiteral("S: USER"), QStringLiteral("S: ."),
    } + kUserPass + QStringList{
        QStringLiteral("C: UIDL"), QStringLiteral("S: -ERR unknown command"),
        QStringLiteral("C: LIST"), QStringLiteral("S: +OK"), QStringLiteral("S: 1 30"), QStringLiteral("S: ."),
        QStringLiteral("C: RETR 1"), QStringLiteral("S: +OK"), QStringLiteral("S: Message-ID: <x@y>"), QStringLiteral("S: "), QStringLiteral("S: hi"), QStringLiteral("S: ."),
        QStringLiteral("C: DELE 1"), QStringLiteral("S: +OK"),
    };
    // First session: stored, but the connection drops instead of the QUIT reply.
    Run first = run(noUidl + QStringList {QStringLiteral("C: QUIT"), QStringLiteral("S:DROP")},
        mailbox(), true);
    CHECK_CONVERSATION(first);
    QCOMPARE(first.report.stored, 1);
    QVERIFY(first.hasEvent(EventId::NoUniqueIds));
    QVERIFY(first.hasEvent(EventId::QuitNotConfirmed));
    // Second session: the server still has it; it is recognised after download and not stored
    // again.
    Run second = run(noUidl + QStringList {QStringLiteral("C: QUIT"), QStringLiteral("S: +OK")},
        mailbox(), true);
    CHECK_CONVERSATION(second);
    QCOMPARE(second.report.stored, 0);
    QCOMPARE(second.report.alreadyStored, 1);
    QCOMPARE(readSpoolFolder(m_spool.folderPath(SpoolFolder::Incoming)).size(), 1);
    // Deleted for good: the digest is forgotten.
    QCOMPARE(m_ledger->size(), 0);
}

void TestPop3Session::refusedMessageDoesNotStopOthers()
{
    Run r = run(kGreeting + kCapaPipelining + kUserPass + QStringList{
        QStringLiteral("C: UIDL"), QStringLiteral("C: LIST"),
        QStringLiteral("S: +OK"), QStringLiteral("S: 1 a"), QStringLiteral("S: 2 b"), QStringLiteral("S: ."),
        QStringLiteral("S: +OK"), QStringLiteral("S: 1 10"), QStringLiteral("S: 2 10"), QStringLiteral("S: ."),
        QStringLiteral("C: RETR 1"), QStringLiteral("C: RETR 2"),
        QStringLiteral("S: -ERR [SYS/TEMP] cannot read message"),
        QStringLiteral("S: +OK"), QStringLiteral("S: X: 2"), QStringLiteral("S: "), QStringLiteral("S: ."),
        QStringLiteral("C: DELE 2"), QStringLiteral("C: QUIT"), QStringLiteral("S: +OK"), QStringLiteral("S: +OK"),
    }, mailbox());
    CHECK_CONVERSATION(r);
    QCOMPARE(r.report.unavailable, 1);
    QCOMPARE(r.report.stored, 1);
    QCOMPARE(int(r.report.outcome), int(RetrievalReport::Outcome::Succeeded));
    QVERIFY(r.hasEvent(EventId::MessageUnavailable));
    QVERIFY(!m_ledger->find("a"));
}

void TestPop3Session::garbageGreeting()
{
    Run r = run({QStringLiteral("S: 220 smtp.isp.example ESMTP")}, mailbox());
    QCOMPARE(int(r.report.failureId), int(EventId::ProtocolViolation));
    QVERIFY(r.report.failureText.contains(QStringLiteral("220 smtp.isp.example")));
    QVERIFY(r.channel->written().isEmpty());
}

void TestPop3Session::overlongReplyLine()
{
    Run r = run(kGreeting
            + QStringList {QStringLiteral("C: CAPA"),
                QStringLiteral("S: +OK ") + QString(20000, u'x')},
        mailbox());
    QCOMPARE(int(r.report.failureId), int(EventId::ProtocolViolation));
    QVERIFY(r.report.failureText.contains(QStringLiteral("longer than")));
}

void TestPop3Session::droppedMidMessageKeepsNothingPartial()
{
    Run r = run(kGreeting + kCapaPipelining + kUserPass + QStringList{
        QStringLiteral("C: UIDL"), QStringLiteral("C: LIST"),
        QStringLiteral("S: +OK"), QStringLiteral("S: 1 a"), QStringLiteral("S: 2 b"), QStringLiteral("S: ."),
        QStringLiteral("S: +OK"), QStringLiteral("S: 1 10"), QStringLiteral("S: 2 10"), QStringLiteral("S: ."),
        QStringLiteral("C: RETR 1"), QStringLiteral("C: RETR 2"),
        QStringLiteral("S: +OK"), QStringLiteral("S: X: 1"), QStringLiteral("S: "), QStringLiteral("S: ."),
        QStringLiteral("S: +OK"), QStringLiteral("S: X: 2"), QStringLiteral("S:DROP"),
    }, mailbox());
    CHECK_CONVERSATION(r);
    QCOMPARE(int(r.report.failureId), int(EventId::ConnectionDropped));
    QCOMPARE(r.report.stored, 1); // the whole first message is kept
    QCOMPARE(readSpoolFolder(m_spool.folderPath(SpoolFolder::Incoming)).size(), 1);
    QVERIFY(m_ledger->find("a"));
    QVERIFY(!m_ledger->find("b"));
    QVERIFY2(QDir(m_spool.tmpPath()).isEmpty(), "the partial message must not remain");
}

void TestPop3Session::timeoutWhenServerStalls()
{
    Run r = run(kGreeting + kCapaPipelining + kUserPass + QStringList{
        QStringLiteral("C: UIDL"), QStringLiteral("C: LIST"), QStringLiteral("S:STALL"),
    }, mailbox(), false, 300);
    QCOMPARE(int(r.report.failureId), int(EventId::ServerTimeout));
    QVERIFY(r.report.failureText.contains(QStringLiteral("UIDL")));
}

void TestPop3Session::transcriptMasksSecrets()
{
    Run r = run(kGreeting + kCapaPipelining + kUserPass + QStringList{
        QStringLiteral("C: UIDL"), QStringLiteral("C: LIST"),
        QStringLiteral("S: +OK"), QStringLiteral("S: ."), QStringLiteral("S: +OK"), QStringLiteral("S: ."),
        QStringLiteral("C: QUIT"), QStringLiteral("S: +OK"),
    }, mailbox());
    CHECK_CONVERSATION(r);
    QVERIFY(r.transcript.contains("PASS ********"));
    QVERIFY(r.transcript.contains("USER alice"));
    for (const QByteArray &line : std::as_const(r.transcript))
        QVERIFY2(!line.contains("s3cret"), line.constData());
    for (const Event &e : std::as_const(r.events))
        QVERIFY(!e.text.contains(QStringLiteral("s3cret")));
}

void TestPop3Session::overlongListingLine()
{
    Run r = run(kGreeting + kCapaPipelining + kUserPass + QStringList{
        QStringLiteral("C: UIDL"), QStringLiteral("C: LIST"),
        QStringLiteral("S: +OK"), QStringLiteral("S: 1 ") + QString(9000, u'u'),
    }, mailbox());
    QCOMPARE(int(r.report.failureId), int(EventId::ProtocolViolation));
    QVERIFY2(r.report.failureText.contains(QStringLiteral("UIDL"))
            && r.report.failureText.contains(QStringLiteral("longer than 8192")),
        qPrintable(r.report.failureText));
    QVERIFY(!r.channel->written().contains("RETR"));
}

void TestPop3Session::capaReplyCap()
{
    QStringList script =
        kGreeting + QStringList {QStringLiteral("C: CAPA"), QStringLiteral("S: +OK")};
    for (int i = 0; i < 2000; ++i)
        script.append(QStringLiteral("S: X-CAPABILITY-%1 with some words after it").arg(i));
    Run r = run(script, mailbox());
    QCOMPARE(int(r.report.failureId), int(EventId::ProtocolViolation));
    QVERIFY2(r.report.failureText.contains(QStringLiteral("CAPA"))
            && r.report.failureText.contains(QStringLiteral("65536")),
        qPrintable(r.report.failureText));
    QVERIFY(!r.channel->written().contains("USER"));
}

void TestPop3Session::quitRefusedFailsMailbox()
{
    Run r = run(kGreeting + kCapaPipelining + kUserPass + QStringList{
        QStringLiteral("C: UIDL"), QStringLiteral("C: LIST"),
        QStringLiteral("S: +OK"), QStringLiteral("S: 1 a"), QStringLiteral("S: ."),
        QStringLiteral("S: +OK"), QStringLiteral("S: 1 10"), QStringLiteral("S: ."),
        QStringLiteral("C: RETR 1"), QStringLiteral("S: +OK"), QStringLiteral("S: X: 1"), QStringLiteral("S: "), QStringLiteral("S: ."),
        QStringLiteral("C: DELE 1"), QStringLiteral("C: QUIT"), QStringLiteral("S: +OK"),
        QStringLiteral("S: -ERR [SYS/TEMP] maildrop not updated"),
    }, mailbox());
    CHECK_CONVERSATION(r);
    QCOMPARE(int(r.report.outcome), int(RetrievalReport::Outcome::Failed));
    QCOMPARE(int(r.report.failureId), int(EventId::QuitRefused));
    QVERIFY(r.report.failureText.contains(QStringLiteral("maildrop not updated")));
    QCOMPARE(r.report.stored, 1);
    QCOMPARE(r.report.deleted, 0);
    QVERIFY(m_ledger->find("a")); // deleted without download next time
    QCOMPARE(describe(EventId::QuitRefused).severity, Severity::Error);
}

void TestPop3Session::messageOutgrowingLimitIsRemembered()
{
    // LIST says 100 bytes; the body is 3 KB; the limit 1 KB. It is read to its end and dropped,
    // never deleted; message 2 goes on as usual.
    MailboxSettings mb = mailbox();
    mb.maxMessageKb = 1;
    QStringList body;
    for (int i = 0; i < 30; ++i)
        body.append(QStringLiteral("S: ") + QString(100, u'z'));
    Run first = run(kGreeting + kCapaPipelining + kUserPass + QStringList{
        QStringLiteral("C: UIDL"), QStringLiteral("C: LIST"),
        QStringLiteral("S: +OK"), QStringLiteral("S: 1 big"), QStringLiteral("S: 2 small"), QStringLiteral("S: ."),
        QStringLiteral("S: +OK"), QStringLiteral("S: 1 100"), QStringLiteral("S: 2 10"), QStringLiteral("S: ."),
        QStringLiteral("C: RETR 1"), QStringLiteral("C: RETR 2"), QStringLiteral("S: +OK"),
    } + body + QStringList{
        QStringLiteral("S: ."),
        QStringLiteral("S: +OK"), QStringLiteral("S: X: 2"), QStringLiteral("S: "), QStringLiteral("S: ."),
        QStringLiteral("C: DELE 2"), QStringLiteral("C: QUIT"), QStringLiteral("S: +OK"), QStringLiteral("S: +OK"),
    }, mb);
    CHECK_CONVERSATION(first);
    QCOMPARE(int(first.report.outcome), int(RetrievalReport::Outcome::Succeeded));
    QCOMPARE(first.report.tooLarge, 1);
    QCOMPARE(first.report.stored, 1);
    QVERIFY(first.hasEvent(EventId::MessageTooLarge));
    QCOMPARE(m_ledger->oversizedAt("big"), std::optional<int>(1));
    QVERIFY(!m_ledger->find("big"));
    QVERIFY(QDir(m_spool.tmpPath()).isEmpty());

    // The next cycle does not ask for it; a higher limit tries again.
    Run second = run(kGreeting + kCapaPipelining + kUserPass + QStringList{
        QStringLiteral("C: UIDL"), QStringLiteral("C: LIST"),
        QStringLiteral("S: +OK"), QStringLiteral("S: 1 big"), QStringLiteral("S: ."),
        QStringLiteral("S: +OK"), QStringLiteral("S: 1 100"), QStringLiteral("S: ."),
        QStringLiteral("C: QUIT"), QStringLiteral("S: +OK"),
    }, mb);
    CHECK_CONVERSATION(second);
    QCOMPARE(second.report.tooLarge, 1);
    QVERIFY(second.hasEvent(EventId::MessageTooLarge));
    mb.maxMessageKb = 10;
    Run raised = run(kGreeting + kCapaPipelining + kUserPass + QStringList{
        QStringLiteral("C: UIDL"), QStringLiteral("C: LIST"),
        QStringLiteral("S: +OK"), QStringLiteral("S: 1 big"), QStringLiteral("S: ."),
        QStringLiteral("S: +OK"), QStringLiteral("S: 1 100"), QStringLiteral("S: ."),
        QStringLiteral("C: RETR 1"), QStringLiteral("S: +OK"), QStringLiteral("S: X: 1"), QStringLiteral("S: "), QStringLiteral("S: ."),
        QStringLiteral("C: DELE 1"), QStringLiteral("C: QUIT"), QStringLiteral("S: +OK"), QStringLiteral("S: +OK"),
    }, mb);
    CHECK_CONVERSATION(raised);
    QCOMPARE(raised.report.stored, 1);
}

void TestPop3Session::ledgerKeepsOversizedMarkers()
{
    // A ledger written before oversized markers existed loads as it is.
    const QString path = m_spool.ledgerPath(QStringLiteral("old"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# pop3connector ledger 1 pop.isp.example alice\n"
                "S 1700000000 20231114T221320000Z-aaaa-000001 uid-old\n");
    }
    auto ledger = std::make_unique<UidLedger>(path);
    QCOMPARE(failure(ledger->open(QStringLiteral("pop.isp.example alice"))), QString());
    QCOMPARE(ledger->find("uid-old")->storedAt, 1700000000);
    QVERIFY(ledger->markOversized("uid-big", 1700000100, 2048).ok());
    QVERIFY(ledger->contains("uid-big"));
    QVERIFY(!ledger->find("uid-big")); // never taken for a stored message: never deleted
    QCOMPARE(ledger->size(), 1);

    ledger = std::make_unique<UidLedger>(path);
    QCOMPARE(failure(ledger->open(QStringLiteral("pop.isp.example alice"))), QString());
    QCOMPARE(ledger->oversizedAt("uid-big"), std::optional<int>(2048));
    QVERIFY(ledger->find("uid-old"));
    // Pruned like the rest once the server no longer lists it, and that survives a reload.
    QCOMPARE(failure(ledger->retainOnly({"uid-old"})), QString());
    QVERIFY(!ledger->contains("uid-big"));
    ledger = std::make_unique<UidLedger>(path);
    QCOMPARE(failure(ledger->open(QStringLiteral("pop.isp.example alice"))), QString());
    QVERIFY(!ledger->contains("uid-big"));
    QVERIFY(ledger->find("uid-old"));
}

void TestPop3Session::probeAsksForTheDropListingOnly()
{
    // A connection test logs in, asks STAT (RFC 1939 §5) and QUITs: nothing is listed or
    // retrieved.
    m_probeOnly = true;
    Run r = run(kGreeting + kCapaPipelining + kUserPass
            + QStringList {QStringLiteral("C: STAT"), QStringLiteral("S: +OK 2 320"),
                QStringLiteral("C: QUIT"), QStringLiteral("S: +OK")},
        mailbox(), true);
    CHECK_CONVERSATION(r);
    QCOMPARE(int(r.report.outcome), int(RetrievalReport::Outcome::Succeeded));
    QCOMPARE(r.report.onServer, 2);
    QCOMPARE(r.report.octetsOnServer, 320);

    init();
    m_probeOnly = true;
    Run refused = run(kGreeting + kCapaPipelining + kUserPass
            + QStringList {QStringLiteral("C: STAT"),
                QStringLiteral("S: -ERR [SYS/TEMP] maildrop locked"), QStringLiteral("C: QUIT"),
                QStringLiteral("S: +OK")},
        mailbox(), true);
    CHECK_CONVERSATION(refused);
    QCOMPARE(int(refused.report.outcome), int(RetrievalReport::Outcome::Deferred));
    QCOMPARE(int(refused.report.failureId), int(EventId::ServerTemporaryFailure));
    QVERIFY(refused.report.failureText.contains(QStringLiteral("STAT")));
}

void TestPop3Session::stopFinishesRequestedMessagesAndQuits()
{
    // Without PIPELINING one RETR at a time: the stop comes as RETR 2 is written. Message 2 is
    // still received, stored and deleted; message 3 is left for the next cycle.
    m_onClientLine = [](MailboxRetrieval &retrieval, const QByteArray &line) {
        stopAt(retrieval, line, "RETR 2");
    };
    Run r = run(kGreeting + QStringList{
        QStringLiteral("C: CAPA"), QStringLiteral("S: -ERR"),
    } + kUserPass + QStringList{
        QStringLiteral("C: UIDL"), QStringLiteral("S: +OK"), QStringLiteral("S: 1 a"), QStringLiteral("S: 2 b"), QStringLiteral("S: 3 c"), QStringLiteral("S: ."),
        QStringLiteral("C: LIST"), QStringLiteral("S: +OK"), QStringLiteral("S: 1 10"), QStringLiteral("S: 2 10"), QStringLiteral("S: 3 10"), QStringLiteral("S: ."),
        QStringLiteral("C: RETR 1"), QStringLiteral("S: +OK"), QStringLiteral("S: X: 1"), QStringLiteral("S: "), QStringLiteral("S: ."),
        QStringLiteral("C: RETR 2"), QStringLiteral("S: +OK"), QStringLiteral("S: X: 2"), QStringLiteral("S: "), QStringLiteral("S: ."),
        QStringLiteral("C: DELE 1"), QStringLiteral("S: +OK"),
        QStringLiteral("C: DELE 2"), QStringLiteral("S: +OK"),
        QStringLiteral("C: QUIT"), QStringLiteral("S: +OK"),
    }, mailbox(), true);
    CHECK_CONVERSATION(r);
    QCOMPARE(int(r.report.outcome), int(RetrievalReport::Outcome::Succeeded));
    QCOMPARE(r.report.stored, 2);
    QCOMPARE(r.report.deleted, 2);
    QVERIFY(!r.channel->written().contains("RETR 3"));
    QVERIFY(!m_ledger->contains("c"));
    QVERIFY(r.hasEvent(EventId::RetrievalFinished));
}

void TestPop3Session::stopWhileMessageStallsGivesUpAtHalfTheTimeout()
{
    // A message still arriving at half the timeout (a coarse timer may fire 5% early) is given
    // up, the connection dropped: the stop does not wait for the server's own timeout.
    m_onClientLine = [](MailboxRetrieval &retrieval, const QByteArray &line) {
        stopAt(retrieval, line, "RETR 1");
    };
    QElapsedTimer clock;
    clock.start();
    Run r = run(kGreeting + kCapaPipelining + kUserPass + kOneMessageListed
            + QStringList {QStringLiteral("C: RETR 1"), QStringLiteral("S: +OK"),
                QStringLiteral("S: X: 1"), QStringLiteral("S:STALL")},
        mailbox(), false, 2000);
    QVERIFY2(r.channel->mismatches().isEmpty(), qPrintable(r.channel->mismatches().join(u'\n')));
    QCOMPARE(int(r.report.outcome), int(RetrievalReport::Outcome::Cancelled));
    QCOMPARE(int(r.report.failureId), int(EventId::RetrievalCancelled));
    QVERIFY2(r.report.failureText.contains(QStringLiteral("still arriving")),
        qPrintable(r.report.failureText));
    QVERIFY2(clock.elapsed() >= 900 && clock.elapsed() < 2000,
        qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(r.report.stored, 0);
    QVERIFY(!r.channel->written().contains("QUIT"));
    QVERIFY(!m_ledger->contains("a"));
    QVERIFY(QDir(m_spool.tmpPath()).isEmpty());
}

void TestPop3Session::quitUnansweredAfterStopIsGivenUp()
{
    // After a stop, a QUIT without an answer is waited for three quarters of the timeout; the
    // server then deleted nothing, and the ledger has the message for the next cycle.
    m_onClientLine = [](MailboxRetrieval &retrieval, const QByteArray &line) {
        stopAt(retrieval, line, "QUIT");
    };
    QElapsedTimer clock;
    clock.start();
    Run r = run(kGreeting + kCapaPipelining + kUserPass + kOneMessageListed
            + QStringList {QStringLiteral("C: RETR 1"), QStringLiteral("S: +OK"),
                QStringLiteral("S: X: 1"), QStringLiteral("S: "), QStringLiteral("S: ."),
                QStringLiteral("C: DELE 1"), QStringLiteral("C: QUIT"), QStringLiteral("S: +OK"),
                QStringLiteral("S:STALL")},
        mailbox(), false, 2000);
    QVERIFY2(r.channel->mismatches().isEmpty(), qPrintable(r.channel->mismatches().join(u'\n')));
    QVERIFY2(clock.elapsed() >= 1400 && clock.elapsed() < 2000,
        qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(int(r.report.outcome), int(RetrievalReport::Outcome::Succeeded));
    QCOMPARE(r.report.stored, 1);
    QCOMPARE(r.report.deleted, 0);
    const auto quitEvent = std::find_if(r.events.cbegin(), r.events.cend(),
        [](const Event &e) { return e.id == EventId::QuitNotConfirmed; });
    QVERIFY(quitEvent != r.events.cend());
    QVERIFY2(quitEvent->text.contains(QStringLiteral("before the connector stopped")),
        qPrintable(quitEvent->text));
    QVERIFY(m_ledger->find("a"));
}

void TestPop3Session::stopBeforeTransactionCancels()
{
    // Before the transaction there is nothing to finish: the connection is dropped at once and
    // the password never sent.
    m_onClientLine = [](MailboxRetrieval &retrieval, const QByteArray &line) {
        stopAt(retrieval, line, "USER alice");
    };
    Run r = run(kGreeting + kCapaPipelining + kUserPass, mailbox());
    QCOMPARE(int(r.report.outcome), int(RetrievalReport::Outcome::Cancelled));
    QCOMPARE(int(r.report.failureId), int(EventId::RetrievalCancelled));
    QVERIFY(!r.channel->written().contains("PASS"));
    QVERIFY(!r.channel->written().contains("QUIT"));
}

QTEST_GUILESS_MAIN(TestPop3Session)
#include "tst_pop3session.moc"
