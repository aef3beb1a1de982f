// SMTP and LMTP conversations of a delivery session against a scripted channel, compared byte
// for byte, with the PickUp and BadMail folders checked on disk.
#include "fakechannel.h"
#include "operationrecorder.h"
#include "pipeline/dispatch/deliverysession.h"
#include "pipeline/dispatch/dispatcher.h"
#include "pipeline/dispatch/pickupsync.h"
#include "pipeline/transfer/transferstage.h"
#include "spool/deliveryhistory.h"
#include "spool/pickupenvelope.h"
#include "spoolcheck.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostInfo>
#include <QMutex>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Pop3Connector;

class TestDispatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void smtpPipelinedWithDotStuffing();
    void lmtpRejectsOneRecipient();
    void temporaryFailureBacksOff();
    void notDueYetIsLeftAlone();
    void starttlsRequiredButMissing();
    void authPlainPreferredThenLogin();
    void authWithoutKnownMechanismSendsNothing();
    void authWithToken();
    void serverDropsDuringData();
    void notAPickupFileGoesToBadMail();
    void rejectedStaysWhenBadMailCannotTakeIt();

    // Addresses from a header reach a command only as a valid RFC 5321 path.
    void foldedRecipientNeverReachesRcpt();
    void angleBracketRecipientNeverReachesRcpt();
    void injectedSenderNeverReachesMailFrom();
    void nullSenderStaysNull();

    // Recipient limits: every recipient in a RCPT of its own transaction, none in DATA.
    void largeEnvelopeDeliveredCompletely();
    void tooManyRecipientsGoInTheNextTransaction();
    void rcpt552IsTooManyRecipients();
    void first452OfTransactionIsDeferral();
    void transientFailureOfOneRecipientRetriesOnlyIt();
    void lmtpTooManyRecipients();
    void first552OfTransactionIsDeferral();
    void deliveredRecipientsSurviveADrop();

    // The window a power cut reopens: PickUp is synced after each group of removals (PickupSync
    // decides when).
    void removalsFollowAcceptanceAndAreSynced();
    void removalsAreSyncedWithinAnInterval();
    void pickupSyncStartsWhenAGroupIsFull();
    void pickupSyncStartsWhenAGroupIsOld();
    void pickupSyncNowWaitsForTheSyncUnderWay();
    void pickupSyncRemovesItsFilesBeforeTheSync();

    // The dispatcher: PickUp dealt out to sessions, their reports added up, a cancel reaching
    // each.
    void dispatcherDealsPickUpOutAndAddsUp();
    void dispatcherCountsWaitingWithoutConnecting();
    void dispatcherCancelReachesEverySession();

private:
    QString addPickup(const QString &name, const QStringList &recipients, const QByteArray &message,
        const QMap<QString, QString> &meta = {});
    DispatchReport run(const QStringList &script, Transport transport,
        DeliverySecurity security = DeliverySecurity::None,
        const std::function<void()> &whileRunning = {});
    // Runs the transfer stage over one message from `mailbox`; returns the PickUp file's name.
    QString transfer(const QByteArray &message, const QString &mailbox);
    // `count` PickUp files m000, m001 ... for alice, each with `meta`.
    QStringList addPickups(int count, const QMap<QString, QString> &meta = {});
    // Runs a dispatcher over PickUp; each session's connection plays the next of `scripts`.
    DispatchReport runDispatcher(const QList<QStringList> &scripts, int *connections,
        const std::function<void(Dispatcher &)> &whileRunning = {});
    // The client lines of DATA for a PickUp file: its message, dot-stuffed, and the final dot.
    QStringList dataLines(const QString &name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    Spool m_spool;
    FakeChannel *m_channel = nullptr;
    std::unique_ptr<DeliverySession> m_session;
    QList<Event> m_events;
    QString m_user; // [delivery] user: SMTP AUTH with the password "s3cret"
    DeliveryAuth m_auth = DeliveryAuth::Password; // with a token, "s3cret" is the token
    QList<QByteArray> m_transcript;
};

void TestDispatch::init()
{
    m_session.reset();
    m_channel = nullptr;
    m_dir = std::make_unique<QTemporaryDir>();
    m_spool = Spool(m_dir->path());
    QCOMPARE(failure(m_spool.prepare()), QString());
    m_events.clear();
    m_user.clear();
    m_auth = DeliveryAuth::Password;
    m_transcript.clear();
}

QString TestDispatch::addPickup(const QString &name, const QStringList &recipients,
    const QByteArray &message, const QMap<QString, QString> &extra)
{
    PickupEnvelope e;
    e.sender = QStringLiteral("bob@origin.example");
    e.recipients = recipients;
    QFile f(m_spool.messagePath(SpoolFolder::PickUp, name));
    f.open(QIODevice::WriteOnly);
    f.write(e.serialize() + message);
    f.close();
    MessageMetadata meta;
    meta.mailbox = QStringLiteral("office");
    meta.uid = "u-" + name.toUtf8();
    meta.other = extra;
    QFile m(m_spool.metaPath(SpoolFolder::PickUp, name));
    m.open(QIODevice::WriteOnly);
    m.write(meta.serialize());
    return name;
}

DispatchReport TestDispatch::run(const QStringList &script, Transport transport,
    DeliverySecurity security, const std::function<void()> &whileRunning)
{
    DeliverySession::Setup setup;
    setup.spool = m_spool;
    setup.delivery.transport = transport;
    setup.delivery.host = QStringLiteral("mail.office.lan");
    setup.delivery.security = security;
    setup.delivery.user = m_user;
    setup.delivery.auth = m_auth;
    setup.password = "s3cret";
    setup.timeoutMs = 3000;
    setup.logLevel = LogLevel::Maximum;
    setup.transcript = true;
    setup.channelFactory = [this, script] {
        m_channel = new FakeChannel(script);
        return m_channel;
    };
    // Kept until the next run: the scripted channel (checked after the run) belongs to it.
    m_session = std::make_unique<DeliverySession>(setup);
    connect(m_session.get(), &DeliverySession::eventRaised, this,
        [this](const Event &e) { m_events.append(e); });
    connect(m_session.get(), &DeliverySession::transcriptLine, this,
        [this](TranscriptDirection, const QByteArray &line) { m_transcript.append(line); });
    QSignalSpy finished(m_session.get(), &DeliverySession::finished);
    m_session->start();
    if (whileRunning)
        whileRunning();
    if (finished.isEmpty() && !finished.wait(8000))
        return {};
    return finished.first().first().value<DispatchReport>();
}

#define CHECK_CONVERSATION()                                                                       \
    do {                                                                                           \
        QVERIFY2(                                                                                  \
            m_channel->mismatches().isEmpty(), qPrintable(m_channel->mismatches().join(u'\n')));   \
        QVERIFY2(                                                                                  \
            m_channel->remaining().isEmpty(), qPrintable(m_channel->remaining().join(u'\n')));     \
    } while (false)

static QString hello()
{
    return QStringLiteral("C: EHLO ") + QHostInfo::localHostName();
}

void TestDispatch::smtpPipelinedWithDotStuffing()
{
    addPickup(QStringLiteral("m1"), {QStringLiteral("alice@office.lan")},
        "Subject: one\r\n\r\n.hidden\r\nbody\r\n");
    addPickup(QStringLiteral("m2"),
        {QStringLiteral("carol@office.lan"), QStringLiteral("dave@office.lan")},
        "Subject: two\r\n\r\nline\n");
    const DispatchReport r = run(
        {
            QStringLiteral("S: 220 mail.office.lan ESMTP"),
            hello(),
            QStringLiteral("S: 250-mail.office.lan"),
            QStringLiteral("S: 250-PIPELINING"),
            QStringLiteral("S: 250-SIZE 1000000"),
            QStringLiteral("S: 250 8BITMIME"),
            QStringLiteral("C: MAIL FROM:<bob@origin.example> SIZE=31 BODY=8BITMIME"),
            QStringLiteral("C: RCPT TO:<alice@office.lan>"),
            QStringLiteral("C: DATA"),
            QStringLiteral("S: 250 2.1.0 Ok"),
            QStringLiteral("S: 250 2.1.5 Ok"),
            QStringLiteral("S: 354 go ahead"),
            QStringLiteral("C: Subject: one"),
            QStringLiteral("C: "),
            QStringLiteral("C: ..hidden"),
            QStringLiteral("C: body"),
            QStringLiteral("C: ."),
            // Pipelined right behind the end of the first message (RFC 2920 §3.1).
            QStringLiteral("C: MAIL FROM:<bob@origin.example> SIZE=21 BODY=8BITMIME"),
            QStringLiteral("C: RCPT TO:<carol@office.lan>"),
            QStringLiteral("C: RCPT TO:<dave@office.lan>"),
            QStringLiteral("C: DATA"),
            QStringLiteral("S: 250 2.0.0 queued as A1"),
            QStringLiteral("S: 250 Ok"),
            QStringLiteral("S: 250 Ok"),
            QStringLiteral("S: 250 Ok"),
            QStringLiteral("S: 354 go ahead"),
            QStringLiteral("C: Subject: two"),
            QStringLiteral("C: "),
            QStringLiteral("C: line"),
            QStringLiteral("C: ."),
            QStringLiteral("S: 250 2.0.0 queued as A2"),
            QStringLiteral("C: QUIT"),
            QStringLiteral("S: 221 bye"),
        },
        Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.delivered, 2);
    QVERIFY(QDir(m_spool.folderPath(SpoolFolder::PickUp)).isEmpty());
}

void TestDispatch::lmtpRejectsOneRecipient()
{
    const QByteArray message = "Subject: team\r\n\r\nhello\r\n";
    addPickup(QStringLiteral("m1"),
        {QStringLiteral("alice@office.lan"), QStringLiteral("ghost@office.lan"),
            QStringLiteral("carol@office.lan")},
        message);
    const DispatchReport r = run(
        {
            QStringLiteral("S: 220 lmtp ready"),
            QStringLiteral("C: LHLO ") + QHostInfo::localHostName(),
            QStringLiteral("S: 250-lmtp"),
            QStringLiteral("S: 250 PIPELINING"),
            QStringLiteral("C: MAIL FROM:<bob@origin.example>"),
            QStringLiteral("C: RCPT TO:<alice@office.lan>"),
            QStringLiteral("C: RCPT TO:<ghost@office.lan>"),
            QStringLiteral("C: RCPT TO:<carol@office.lan>"),
            QStringLiteral("C: DATA"),
            QStringLiteral("S: 250 Ok"),
            QStringLiteral("S: 250 Ok"),
            QStringLiteral("S: 550 5.1.1 <ghost@office.lan> User doesn't exist"),
            QStringLiteral("S: 250 Ok"),
            QStringLiteral("S: 354 go"),
            QStringLiteral("C: Subject: team"),
            QStringLiteral("C: "),
            QStringLiteral("C: hello"),
            QStringLiteral("C: ."),
            // One reply per accepted recipient (RFC 2033 §4.2): carol's mailbox is full.
            QStringLiteral("S: 250 2.0.0 <alice@office.lan> Saved"),
            QStringLiteral("S: 452 4.2.2 <carol@office.lan> Mailbox full"),
            QStringLiteral("C: QUIT"),
            QStringLiteral("S: 221 bye"),
        },
        Transport::Lmtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.rejected, 1);
    QCOMPARE(r.deferred, 1);
    // ghost: BadMail with the reply; carol: still in PickUp, alone; alice: done.
    const QList<SpooledMessage> bad = readSpoolFolder(m_spool.folderPath(SpoolFolder::BadMail));
    QCOMPARE(bad.size(), 1);
    const std::optional<PickupEnvelope> badEnvelope = PickupEnvelope::parse(bad[0].bytes);
    QCOMPARE(badEnvelope->recipients, QStringList {QStringLiteral("ghost@office.lan")});
    QCOMPARE(bad[0].bytes.mid(badEnvelope->messageOffset), message);
    QVERIFY(bad[0]
                .metadata.other.value(QStringLiteral("reason"))
                .contains(QStringLiteral("User doesn't exist")));
    const QList<SpooledMessage> left = readSpoolFolder(m_spool.folderPath(SpoolFolder::PickUp));
    QCOMPARE(left.size(), 1);
    QCOMPARE(PickupEnvelope::parse(left[0].bytes)->recipients,
        QStringList {QStringLiteral("carol@office.lan")});
    QCOMPARE(left[0].metadata.other.value(QStringLiteral("attempts")), QStringLiteral("1"));
    QVERIFY(left[0].metadata.other.value(QStringLiteral("next_attempt")).toLongLong()
        > QDateTime::currentSecsSinceEpoch());
}

void TestDispatch::temporaryFailureBacksOff()
{
    addPickup(QStringLiteral("m1"), {QStringLiteral("alice@office.lan")}, "Subject: x\r\n\r\ny\r\n",
        {{QStringLiteral("attempts"), QStringLiteral("3")}});
    const DispatchReport r = run(
        {
            QStringLiteral("S: 220 ready"),
            hello(),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("C: MAIL FROM:<bob@origin.example>"),
            QStringLiteral("S: 451 4.3.0 try later"),
            QStringLiteral("C: RCPT TO:<alice@office.lan>"),
            QStringLiteral("S: 503 need MAIL"),
            QStringLiteral("C: DATA"),
            QStringLiteral("S: 503 need RCPT"),
            QStringLiteral("C: RSET"),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("C: QUIT"),
            QStringLiteral("S: 221 bye"),
        },
        Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.deferred, 1);
    const std::optional<MessageMetadata> meta =
        readMetadata(m_spool, SpoolFolder::PickUp, QStringLiteral("m1"));
    QCOMPARE(meta->other.value(QStringLiteral("attempts")), QStringLiteral("4"));
    const qint64 wait = meta->other.value(QStringLiteral("next_attempt")).toLongLong()
        - QDateTime::currentSecsSinceEpoch();
    QVERIFY(wait > 7 * 60 && wait <= 8 * 60); // 1, 2, 4, 8 minutes
    QVERIFY(meta->other.value(QStringLiteral("reason")).contains(QStringLiteral("try later")));
    QCOMPARE(DeliveryPolicy::backoffSeconds(20), qint64(30 * 60));
}

void TestDispatch::notDueYetIsLeftAlone()
{
    addPickup(QStringLiteral("m1"), {QStringLiteral("alice@office.lan")}, "Subject: x\r\n\r\ny\r\n",
        {{QStringLiteral("next_attempt"),
            QString::number(QDateTime::currentSecsSinceEpoch() + 600)}});
    const DispatchReport r = run({}, Transport::Smtp);
    QCOMPARE(r.waiting, 1);
    QVERIFY(!m_channel); // no connection for nothing to do
}

void TestDispatch::starttlsRequiredButMissing()
{
    addPickup(
        QStringLiteral("m1"), {QStringLiteral("alice@office.lan")}, "Subject: x\r\n\r\ny\r\n");
    const DispatchReport r =
        run({QStringLiteral("S: 220 ready"), hello(), QStringLiteral("S: 250 ok")}, Transport::Smtp,
            DeliverySecurity::StartTls);
    CHECK_CONVERSATION();
    QCOMPARE(r.failureId, EventId::LocalServerSessionFailed);
    QVERIFY(r.failure.contains(QStringLiteral("STARTTLS")));
    QVERIFY(!m_channel->written().contains("MAIL FROM"));
    QCOMPARE(readSpoolFolder(m_spool.folderPath(SpoolFolder::PickUp)).size(), 1);
}

void TestDispatch::serverDropsDuringData()
{
    addPickup(
        QStringLiteral("m1"), {QStringLiteral("alice@office.lan")}, "Subject: x\r\n\r\ny\r\n");
    const DispatchReport r = run(
        {
            QStringLiteral("S: 220 ready"),
            hello(),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("C: MAIL FROM:<bob@origin.example>"),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("C: RCPT TO:<alice@office.lan>"),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("C: DATA"),
            QStringLiteral("S: 354 go"),
            QStringLiteral("C: Subject: x"),
            QStringLiteral("C: "),
            QStringLiteral("C: y"),
            QStringLiteral("C: ."),
            QStringLiteral("S:DROP"),
        },
        Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.failureId, EventId::LocalServerSessionFailed);
    // No final reply: the message stays, to be sent again.
    QCOMPARE(readSpoolFolder(m_spool.folderPath(SpoolFolder::PickUp)).size(), 1);
}

void TestDispatch::notAPickupFileGoesToBadMail()
{
    QFile f(m_spool.messagePath(SpoolFolder::PickUp, QStringLiteral("raw")));
    f.open(QIODevice::WriteOnly);
    f.write("Subject: dropped here by hand\r\n\r\nno envelope\r\n");
    f.close();
    addPickup(
        QStringLiteral("ok"), {QStringLiteral("alice@office.lan")}, "Subject: x\r\n\r\ny\r\n");
    const DispatchReport r = run(
        {
            QStringLiteral("S: 220 ready"),
            hello(),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("C: MAIL FROM:<bob@origin.example>"),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("C: RCPT TO:<alice@office.lan>"),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("C: DATA"),
            QStringLiteral("S: 354 go"),
            QStringLiteral("C: Subject: x"),
            QStringLiteral("C: "),
            QStringLiteral("C: y"),
            QStringLiteral("C: ."),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("C: QUIT"),
            QStringLiteral("S: 221 bye"),
        },
        Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.delivered, 1);
    QCOMPARE(r.rejected, 1);
    const QList<SpooledMessage> bad = readSpoolFolder(m_spool.folderPath(SpoolFolder::BadMail));
    QCOMPARE(bad.size(), 1);
    QCOMPARE(bad[0].name, QStringLiteral("raw"));
    QVERIFY(
        bad[0].metadata.other.value(QStringLiteral("reason")).contains(QStringLiteral("envelope")));
}

void TestDispatch::rejectedStaysWhenBadMailCannotTakeIt()
{
    addPickup(
        QStringLiteral("m1"), {QStringLiteral("ghost@office.lan")}, "Subject: x\r\n\r\ny\r\n");
    // BadMail is not a folder any more (a broken disk, an administrator's mistake).
    QVERIFY(QDir(m_spool.folderPath(SpoolFolder::BadMail)).removeRecursively());
    QFile blocker(m_spool.folderPath(SpoolFolder::BadMail));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const DispatchReport r = run(
        {
            QStringLiteral("S: 220 ready"),
            hello(),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("C: MAIL FROM:<bob@origin.example>"),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("C: RCPT TO:<ghost@office.lan>"),
            QStringLiteral("S: 550 5.1.1 no such user"),
            QStringLiteral("C: DATA"),
            QStringLiteral("S: 554 no valid recipients"),
            QStringLiteral("C: RSET"),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("C: QUIT"),
            QStringLiteral("S: 221 bye"),
        },
        Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.rejected, 0);
    // Still in PickUp, to be tried again: never dropped because BadMail could not take it.
    const QList<SpooledMessage> left = readSpoolFolder(m_spool.folderPath(SpoolFolder::PickUp));
    QCOMPARE(left.size(), 1);
    QVERIFY(left[0]
                .metadata.other.value(QStringLiteral("reason"))
                .contains(QStringLiteral("no such user")));
}

QString TestDispatch::transfer(const QByteArray &message, const QString &mailbox)
{
    Configuration config;
    config.connector.undeliverableMailbox = QStringLiteral("postmaster@office.example");
    config.connector.logLevel = LogLevel::Maximum;
    MailboxSettings shop;
    shop.name = QStringLiteral("shop");
    shop.host = QStringLiteral("pop.isp.example");
    shop.localMailbox = QStringLiteral("alice@office.example");
    MailboxSettings all;
    all.name = QStringLiteral("catchall");
    all.host = QStringLiteral("pop.isp.example");
    all.type = MailboxType::Global;
    all.acceptedDomains = {QStringLiteral("office.example")};
    all.rules = {{QStringLiteral("*@office.example"), QStringLiteral("*@office.example")}};
    config.mailboxes = {shop, all};

    const QString name = QStringLiteral("m1");
    QFile f(m_spool.messagePath(SpoolFolder::Incoming, name));
    f.open(QIODevice::WriteOnly);
    f.write(message);
    f.close();
    MessageMetadata meta;
    meta.mailbox = mailbox;
    meta.server = QStringLiteral("pop.isp.example");
    meta.uid = "u1";
    QFile m(m_spool.metaPath(SpoolFolder::Incoming, name));
    m.open(QIODevice::WriteOnly);
    m.write(meta.serialize());
    m.close();

    auto history =
        std::make_shared<DeliveryHistory>(m_spool.statePath() + QStringLiteral("/delivered.log"));
    if (!history->open())
        return {};
    TransferStage stage(m_spool, config, history);
    connect(
        &stage, &TransferStage::eventRaised, this, [this](const Event &e) { m_events.append(e); });
    stage.run();
    return QFile::exists(m_spool.messagePath(SpoolFolder::PickUp, name)) ? name : QString();
}

QStringList TestDispatch::dataLines(const QString &name) const
{
    const QByteArray bytes =
        readSpooledMessage(m_spool.folderPath(SpoolFolder::PickUp), name).bytes;
    const std::optional<PickupEnvelope> e = PickupEnvelope::parse(bytes);
    QByteArray message = bytes.mid(e ? e->messageOffset : 0);
    if (message.endsWith("\r\n"))
        message.chop(2);
    QStringList out;
    for (const QByteArray &line : message.split('\n')) {
        const QByteArray l = line.endsWith('\r') ? line.chopped(1) : line;
        out.append(QStringLiteral("C: ") + (l.startsWith('.') ? QStringLiteral(".") : QString())
            + QString::fromLatin1(l));
    }
    out.append(QStringLiteral("C: ."));
    return out;
}

// A plain SMTP server (no extensions) that accepts one message from `sender` for `recipients`.
static QStringList acceptOne(
    const QString &sender, const QStringList &recipients, const QStringList &data)
{
    QStringList script = {QStringLiteral("S: 220 ready"),
        QStringLiteral("C: EHLO ") + QHostInfo::localHostName(), QStringLiteral("S: 250 ok"),
        QStringLiteral("C: MAIL FROM:<%1>").arg(sender), QStringLiteral("S: 250 ok")};
    for (const QString &r : recipients)
        script += {QStringLiteral("C: RCPT TO:<%1>").arg(r), QStringLiteral("S: 250 ok")};
    script += {QStringLiteral("C: DATA"), QStringLiteral("S: 354 go")};
    script += data;
    script +=
        {QStringLiteral("S: 250 ok"), QStringLiteral("C: QUIT"), QStringLiteral("S: 221 bye")};
    return script;
}

// Every MAIL FROM and RCPT TO the client wrote is one line holding one path of printable
// characters, and none names the attacker.
static QString dirtyCommand(const QByteArray &written)
{
    static const QRegularExpression clean(
        QStringLiteral("^(MAIL FROM|RCPT TO):<[^\\x00-\\x1f\\x7f]*>( [A-Z0-9=]+)*$"));
    for (const QByteArray &line : written.split('\n')) {
        const QString l = QString::fromUtf8(line.endsWith('\r') ? line.chopped(1) : line);
        if (l.contains(QStringLiteral("attacker@evil.example>")) && !l.startsWith(u' ')
            && (l.contains(QStringLiteral("RCPT")) || l.contains(QStringLiteral("MAIL"))))
            return l;
        if ((l.startsWith(QStringLiteral("MAIL ")) || l.startsWith(QStringLiteral("RCPT ")))
            && !clean.match(l).hasMatch())
            return l;
    }
    return {};
}

static bool hasEvent(const QList<Event> &events, int id, const QString &text)
{
    for (const Event &e : events) {
        if (int(e.id) == id && e.text.contains(text))
            return true;
    }
    return false;
}

void TestDispatch::foldedRecipientNeverReachesRcpt()
{
    // A quoted local part holding a folded line break, in a catch-all with *@domain -> *@domain:
    // before, the envelope got three x-receiver lines and the server RCPT TO:<attacker@...>.
    const QString name =
        transfer("Delivered-To: \"q\r\n x-receiver: attacker@evil.example\r\n x-receiver: "
                 "z\"@office.example\r\n"
                 "Message-ID: <attack1@evil.example>\r\nFrom: mallory@evil.example\r\n"
                 "To: someone@partner.example\r\nSubject: hi\r\n\r\nhello\r\n",
            QStringLiteral("catchall"));
    QVERIFY(!name.isEmpty());
    const DispatchReport r =
        run(acceptOne(QStringLiteral("mallory@evil.example"),
                {QStringLiteral("postmaster@office.example")}, dataLines(name)),
            Transport::Smtp);
    QVERIFY2(dirtyCommand(m_channel->written()).isEmpty(),
        qPrintable(dirtyCommand(m_channel->written())));
    CHECK_CONVERSATION();
    QCOMPARE(r.delivered, 1);
    // The administrator reads why, with the line breaks shown, not acted on.
    QVERIFY(
        hasEvent(m_events, 1070, QStringLiteral("\"q\\r\\n x-receiver: attacker@evil.example")));
}

void TestDispatch::angleBracketRecipientNeverReachesRcpt()
{
    // Before, the address was cut at its last '<': RCPT TO:<x"@office.example>.
    const QString name =
        transfer("Message-ID: <attack2@evil.example>\r\nFrom: mallory@evil.example\r\n"
                 "To: \"a>\tRCPT TO:<x\"@office.example\r\nSubject: hi\r\n\r\nhello\r\n",
            QStringLiteral("catchall"));
    QVERIFY(!name.isEmpty());
    const DispatchReport r =
        run(acceptOne(QStringLiteral("mallory@evil.example"),
                {QStringLiteral("postmaster@office.example")}, dataLines(name)),
            Transport::Smtp);
    QVERIFY2(dirtyCommand(m_channel->written()).isEmpty(),
        qPrintable(dirtyCommand(m_channel->written())));
    CHECK_CONVERSATION();
    QCOMPARE(r.delivered, 1);
    QVERIFY(hasEvent(m_events, 1070, QStringLiteral("\"a>\\tRCPT TO:<x\"@office.example")));
}

void TestDispatch::injectedSenderNeverReachesMailFrom()
{
    // A user mailbox takes everything; the sender comes from Return-Path, else From. Neither is an
    // address here, so the reverse-path is the undeliverable-mail mailbox (see
    // Router::envelopeSender), never their bytes.
    const QString name =
        transfer("Return-Path: <\"x\r\n RCPT TO:<attacker@evil.example>\"@evil.example>\r\n"
                 "Message-ID: <attack3@evil.example>\r\n"
                 "From: \"y\r\n RCPT TO:<attacker@evil.example>\"@evil.example\r\n"
                 "To: shop@isp.example\r\nSubject: hi\r\n\r\nhello\r\n",
            QStringLiteral("shop"));
    QVERIFY(!name.isEmpty());
    const DispatchReport r = run(acceptOne(QStringLiteral("postmaster@office.example"),
                                     {QStringLiteral("alice@office.example")}, dataLines(name)),
        Transport::Smtp);
    QVERIFY2(dirtyCommand(m_channel->written()).isEmpty(),
        qPrintable(dirtyCommand(m_channel->written())));
    CHECK_CONVERSATION();
    QCOMPARE(r.delivered, 1);
    QVERIFY(
        hasEvent(m_events, 1073, QStringLiteral("\"x\\r\\n RCPT TO:<attacker@evil.example>\"")));
}

void TestDispatch::nullSenderStaysNull()
{
    // A bounce keeps its null reverse-path (RFC 5321 §4.5.5); before, it went out as
    // MAIL FROM:<MAILER-DAEMON@isp.example>, inviting a reply to a robot.
    const QString name =
        transfer("Return-Path: <>\r\nMessage-ID: <bounce@isp.example>\r\n"
                 "From: Mail Delivery System <MAILER-DAEMON@isp.example>\r\n"
                 "To: shop@isp.example\r\nSubject: Undelivered Mail\r\n\r\nsorry\r\n",
            QStringLiteral("shop"));
    QVERIFY(!name.isEmpty());
    const DispatchReport r =
        run(acceptOne(QString(), {QStringLiteral("alice@office.example")}, dataLines(name)),
            Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.delivered, 1);
}

static QStringList pipeliningGreeting()
{
    return {QStringLiteral("S: 220 ready"), QStringLiteral("C: EHLO ") + QHostInfo::localHostName(),
        QStringLiteral("S: 250-mx"), QStringLiteral("S: 250 PIPELINING")};
}

// One pipelined transaction for `sent`: the server accepts the first `accepted` RCPTs and answers
// the others `refusal`, then takes the message.
static QStringList transaction(
    const QStringList &sent, int accepted, const QString &refusal, const QStringList &data)
{
    QStringList script = {QStringLiteral("C: MAIL FROM:<bob@origin.example>")};
    for (const QString &r : sent)
        script += QStringLiteral("C: RCPT TO:<%1>").arg(r);
    script += {QStringLiteral("C: DATA"), QStringLiteral("S: 250 ok")};
    for (int i = 0; i < sent.size(); ++i)
        script += i < accepted ? QStringLiteral("S: 250 ok") : refusal;
    script += QStringLiteral("S: 354 go");
    script += data;
    script += QStringLiteral("S: 250 queued");
    return script;
}

static QStringList quit()
{
    return {QStringLiteral("C: QUIT"), QStringLiteral("S: 221 bye")};
}

void TestDispatch::largeEnvelopeDeliveredCompletely()
{
    // 3,000 recipients: an envelope of over 100 KB. Before, the first 64 KB were read as the
    // envelope (1,679 RCPTs) and the rest of the x-receiver lines went out inside DATA.
    QStringList recipients;
    for (int i = 0; i < 3000; ++i)
        recipients.append(QStringLiteral("user%1@office.lan").arg(i, 4, 10, QLatin1Char('0')));
    addPickup(QStringLiteral("m1"), recipients, "Subject: all staff\r\n\r\nhello\r\n");
    const QStringList data = {QStringLiteral("C: Subject: all staff"), QStringLiteral("C: "),
        QStringLiteral("C: hello"), QStringLiteral("C: .")};
    // Transactions of 100 recipients. In the first the server takes 60 and answers 452 to the
    // rest (its recipient limit, RFC 5321 §4.5.3.1.10): those 40 lead the next transaction, at
    // once, not after a back-off.
    QStringList script = pipeliningGreeting()
        + transaction(
            recipients.mid(0, 100), 60, QStringLiteral("S: 452 4.5.3 Too many recipients"), data);
    for (qsizetype i = 60; i < recipients.size(); i += 100) {
        const QStringList batch = recipients.mid(i, 100);
        script += transaction(batch, int(batch.size()), QString(), data);
    }
    script += quit();
    const DispatchReport r = run(script, Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.delivered, 1);
    QCOMPARE(r.deferred, 0);
    QCOMPARE(m_channel->written().count("RCPT TO:<"), qsizetype(3040));
    QVERIFY(!m_channel->written().contains("x-receiver"));
    QVERIFY(readSpoolFolder(m_spool.folderPath(SpoolFolder::PickUp)).isEmpty());
    QVERIFY(readSpoolFolder(m_spool.folderPath(SpoolFolder::BadMail)).isEmpty());
}

void TestDispatch::tooManyRecipientsGoInTheNextTransaction()
{
    const QStringList recipients = {QStringLiteral("alice@office.lan"),
        QStringLiteral("bob@office.lan"), QStringLiteral("carol@office.lan")};
    addPickup(QStringLiteral("m1"), recipients, "Subject: x\r\n\r\ny\r\n");
    const QStringList data = {QStringLiteral("C: Subject: x"), QStringLiteral("C: "),
        QStringLiteral("C: y"), QStringLiteral("C: .")};
    const DispatchReport r = run(pipeliningGreeting()
            + transaction(recipients, 2, QStringLiteral("S: 452 4.5.3 Too many recipients"), data)
            + transaction(recipients.mid(2), 1, QString(), data) + quit(),
        Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.delivered, 1);
    QCOMPARE(r.deferred, 0);
    QVERIFY(readSpoolFolder(m_spool.folderPath(SpoolFolder::PickUp)).isEmpty());
}

void TestDispatch::rcpt552IsTooManyRecipients()
{
    // RFC 5321 §4.5.3.1.10: some servers answer the limit with 552; before, carol was moved to
    // BadMail as if she did not exist.
    const QStringList recipients = {QStringLiteral("alice@office.lan"),
        QStringLiteral("bob@office.lan"), QStringLiteral("carol@office.lan")};
    addPickup(QStringLiteral("m1"), recipients, "Subject: x\r\n\r\ny\r\n");
    const QStringList data = {QStringLiteral("C: Subject: x"), QStringLiteral("C: "),
        QStringLiteral("C: y"), QStringLiteral("C: .")};
    const DispatchReport r = run(pipeliningGreeting()
            + transaction(recipients, 2, QStringLiteral("S: 552 5.5.3 Too many recipients"), data)
            + transaction(recipients.mid(2), 1, QString(), data) + quit(),
        Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.delivered, 1);
    QCOMPARE(r.rejected, 0);
    QVERIFY(readSpoolFolder(m_spool.folderPath(SpoolFolder::PickUp)).isEmpty());
    QVERIFY(readSpoolFolder(m_spool.folderPath(SpoolFolder::BadMail)).isEmpty());
}

void TestDispatch::first452OfTransactionIsDeferral()
{
    // A server that cannot take even the first recipient is not counting: alice waits with a
    // back-off, bob (accepted) is delivered once.
    addPickup(QStringLiteral("m1"),
        {QStringLiteral("alice@office.lan"), QStringLiteral("bob@office.lan")},
        "Subject: x\r\n\r\ny\r\n");
    const DispatchReport r = run(
        {
            QStringLiteral("S: 220 ready"),
            hello(),
            QStringLiteral("S: 250-mx"),
            QStringLiteral("S: 250 PIPELINING"),
            QStringLiteral("C: MAIL FROM:<bob@origin.example>"),
            QStringLiteral("C: RCPT TO:<alice@office.lan>"),
            QStringLiteral("C: RCPT TO:<bob@office.lan>"),
            QStringLiteral("C: DATA"),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("S: 452 4.2.2 Mailbox full"),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("S: 354 go"),
            QStringLiteral("C: Subject: x"),
            QStringLiteral("C: "),
            QStringLiteral("C: y"),
            QStringLiteral("C: ."),
            QStringLiteral("S: 250 queued"),
            QStringLiteral("C: QUIT"),
            QStringLiteral("S: 221 bye"),
        },
        Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.deferred, 1);
    const QList<SpooledMessage> left = readSpoolFolder(m_spool.folderPath(SpoolFolder::PickUp));
    QCOMPARE(left.size(), 1);
    QCOMPARE(PickupEnvelope::parse(left[0].bytes)->recipients,
        QStringList {QStringLiteral("alice@office.lan")});
    QVERIFY(left[0].metadata.other.value(QStringLiteral("next_attempt")).toLongLong()
        > QDateTime::currentSecsSinceEpoch());
}

void TestDispatch::transientFailureOfOneRecipientRetriesOnlyIt()
{
    const QStringList recipients = {QStringLiteral("alice@office.lan"),
        QStringLiteral("bob@office.lan"), QStringLiteral("carol@office.lan")};
    addPickup(QStringLiteral("m1"), recipients, "Subject: x\r\n\r\ny\r\n");
    const QStringList data = {QStringLiteral("C: Subject: x"), QStringLiteral("C: "),
        QStringLiteral("C: y"), QStringLiteral("C: .")};
    DispatchReport r = run(
        QStringList {
            QStringLiteral("S: 220 ready"),
            hello(),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("C: MAIL FROM:<bob@origin.example>"),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("C: RCPT TO:<alice@office.lan>"),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("C: RCPT TO:<bob@office.lan>"),
            QStringLiteral("S: 450 4.2.1 Mailbox busy"),
            QStringLiteral("C: RCPT TO:<carol@office.lan>"),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("C: DATA"),
            QStringLiteral("S: 354 go"),
        } + data
            + QStringList {QStringLiteral("S: 250 queued"), QStringLiteral("C: QUIT"),
                QStringLiteral("S: 221 bye")},
        Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.deferred, 1);
    QCOMPARE(r.delivered, 0);
    QList<SpooledMessage> left = readSpoolFolder(m_spool.folderPath(SpoolFolder::PickUp));
    QCOMPARE(left.size(), 1);
    QCOMPARE(PickupEnvelope::parse(left[0].bytes)->recipients,
        QStringList {QStringLiteral("bob@office.lan")});
    QVERIFY(hasEvent(m_events, int(EventId::MessageDelivered),
        QStringLiteral("alice@office.lan, carol@office.lan")));

    // Due again: bob alone, alice and carol not a second time.
    MessageMetadata meta = left[0].metadata;
    meta.other.remove(QStringLiteral("next_attempt"));
    QCOMPARE(failure(replaceMetadata(m_spool, SpoolFolder::PickUp, QStringLiteral("m1"), meta)),
        QString());
    r = run(
        acceptOne(QStringLiteral("bob@origin.example"), {QStringLiteral("bob@office.lan")}, data),
        Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.delivered, 1);
    QVERIFY(readSpoolFolder(m_spool.folderPath(SpoolFolder::PickUp)).isEmpty());
}

void TestDispatch::lmtpTooManyRecipients()
{
    // LMTP answers the end of data once per accepted recipient (RFC 2033 §4.2): two here, then
    // one in the next transaction.
    const QStringList recipients = {QStringLiteral("alice@office.lan"),
        QStringLiteral("bob@office.lan"), QStringLiteral("carol@office.lan")};
    addPickup(QStringLiteral("m1"), recipients, "Subject: x\r\n\r\ny\r\n");
    const QStringList data = {QStringLiteral("C: Subject: x"), QStringLiteral("C: "),
        QStringLiteral("C: y"), QStringLiteral("C: .")};
    QStringList script = {QStringLiteral("S: 220 lmtp ready"),
        QStringLiteral("C: LHLO ") + QHostInfo::localHostName(), QStringLiteral("S: 250-lmtp"),
        QStringLiteral("S: 250 PIPELINING")};
    script += transaction(recipients, 2, QStringLiteral("S: 452 4.5.3 Too many recipients"), data);
    script += QStringLiteral("S: 250 2.0.0 <bob@office.lan> Saved"); // the second of two
    script += transaction(recipients.mid(2), 1, QString(), data);
    script += quit();
    const DispatchReport r = run(script, Transport::Lmtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.delivered, 1);
    QCOMPARE(r.deferred, 0);
    QVERIFY(readSpoolFolder(m_spool.folderPath(SpoolFolder::PickUp)).isEmpty());
}

void TestDispatch::first552OfTransactionIsDeferral()
{
    // 552 stands for 452 (RFC 5321 §4.5.3.1.10), so on the first RCPT it is a deferral too, with
    // the server's own words in the reason.
    addPickup(
        QStringLiteral("m1"), {QStringLiteral("alice@office.lan")}, "Subject: x\r\n\r\ny\r\n");
    const DispatchReport r = run(
        {
            QStringLiteral("S: 220 ready"),
            hello(),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("C: MAIL FROM:<bob@origin.example>"),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("C: RCPT TO:<alice@office.lan>"),
            QStringLiteral("S: 552 5.5.3 Too many recipients"),
            QStringLiteral("C: DATA"),
            QStringLiteral("S: 554 no valid recipients"),
            QStringLiteral("C: RSET"),
            QStringLiteral("S: 250 ok"),
            QStringLiteral("C: QUIT"),
            QStringLiteral("S: 221 bye"),
        },
        Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.deferred, 1);
    QCOMPARE(r.rejected, 0);
    const std::optional<MessageMetadata> meta =
        readMetadata(m_spool, SpoolFolder::PickUp, QStringLiteral("m1"));
    QVERIFY(meta);
    QVERIFY(meta->other.value(QStringLiteral("reason")).contains(QStringLiteral("552 5.5.3")));
    QVERIFY(readSpoolFolder(m_spool.folderPath(SpoolFolder::BadMail)).isEmpty());
}

void TestDispatch::deliveredRecipientsSurviveADrop()
{
    // 150 recipients: the first transaction delivers 100, then the connection drops. The sidecar
    // says who has the message, so the next run sends it to the other 50 only.
    QStringList recipients;
    for (int i = 0; i < 150; ++i)
        recipients.append(QStringLiteral("user%1@office.lan").arg(i, 3, 10, QLatin1Char('0')));
    addPickup(QStringLiteral("m1"), recipients, "Subject: x\r\n\r\ny\r\n");
    const QStringList data = {QStringLiteral("C: Subject: x"), QStringLiteral("C: "),
        QStringLiteral("C: y"), QStringLiteral("C: .")};
    DispatchReport r =
        run(pipeliningGreeting() + transaction(recipients.mid(0, 100), 100, QString(), data)
                + QStringList {QStringLiteral("C: MAIL FROM:<bob@origin.example>"),
                    QStringLiteral("S:DROP")},
            Transport::Smtp);
    QCOMPARE(r.failureId, EventId::LocalServerSessionFailed);
    const std::optional<MessageMetadata> meta =
        readMetadata(m_spool, SpoolFolder::PickUp, QStringLiteral("m1"));
    QVERIFY(meta);
    QCOMPARE(
        meta->other.value(QStringLiteral("delivered_to")).split(u'\n'), recipients.mid(0, 100));

    r = run(pipeliningGreeting() + transaction(recipients.mid(100), 50, QString(), data) + quit(),
        Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.delivered, 1);
    QVERIFY(readSpoolFolder(m_spool.folderPath(SpoolFolder::PickUp)).isEmpty());
}

// acceptOne's conversation for one message from bob to alice, the server's EHLO reply offering
// `mechanisms`, and the login `exchange` before MAIL.
static QStringList acceptOneAfterLogin(
    const QString &mechanisms, const QStringList &exchange, const QStringList &data)
{
    const QStringList plain =
        acceptOne(QStringLiteral("bob@origin.example"), {QStringLiteral("alice@office.lan")}, data);
    return plain.mid(0, 2)
        + QStringList {QStringLiteral("S: 250-mail.office.lan"),
            QStringLiteral("S: 250 AUTH ") + mechanisms}
    + exchange + plain.mid(3);
}

void TestDispatch::authPlainPreferredThenLogin()
{
    // RFC 4954 with RFC 4616 PLAIN: PLAIN before LOGIN, and CRAM-MD5 is not used for delivery.
    m_user = QStringLiteral("alice");
    const QString name = addPickup(
        QStringLiteral("m1"), {QStringLiteral("alice@office.lan")}, "Subject: x\r\n\r\ny\r\n");
    DispatchReport r = run(acceptOneAfterLogin(QStringLiteral("LOGIN CRAM-MD5 PLAIN"),
                               {QStringLiteral("C: AUTH PLAIN"), QStringLiteral("S: 334 "),
                                   QStringLiteral("C: AGFsaWNlAHMzY3JldA=="),
                                   QStringLiteral("S: 235 2.7.0 Authentication successful")},
                               dataLines(name)),
        Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.delivered, 1);
    QVERIFY(m_transcript.contains("********"));
    for (const QByteArray &line : std::as_const(m_transcript))
        QVERIFY2(
            !line.contains("AGFsaWNlAHMzY3JldA") && !line.contains("s3cret"), line.constData());

    init();
    m_user = QStringLiteral("alice");
    addPickup(name, {QStringLiteral("alice@office.lan")}, "Subject: x\r\n\r\ny\r\n");
    r = run(acceptOneAfterLogin(QStringLiteral("LOGIN"),
                {QStringLiteral("C: AUTH LOGIN"), QStringLiteral("S: 334 VXNlcm5hbWU6"),
                    QStringLiteral("C: YWxpY2U="), QStringLiteral("S: 334 UGFzc3dvcmQ6"),
                    QStringLiteral("C: czNjcmV0"), QStringLiteral("S: 235 ok")},
                dataLines(name)),
        Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.delivered, 1);
    for (const QByteArray &line : std::as_const(m_transcript))
        QVERIFY2(!line.contains("czNjcmV0"), line.constData());
}

void TestDispatch::authWithoutKnownMechanismSendsNothing()
{
    m_user = QStringLiteral("alice");
    addPickup(
        QStringLiteral("m1"), {QStringLiteral("alice@office.lan")}, "Subject: x\r\n\r\ny\r\n");
    const DispatchReport r =
        run({QStringLiteral("S: 220 ready"), hello(), QStringLiteral("S: 250-mail.office.lan"),
                QStringLiteral("S: 250 AUTH GSSAPI CRAM-MD5")},
            Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.failureId, EventId::LocalServerSessionFailed);
    QVERIFY2(r.failure.contains(QStringLiteral("(PLAIN, LOGIN)")), qPrintable(r.failure));
    QVERIFY(!m_channel->written().contains("AUTH"));
    QCOMPARE(readSpoolFolder(m_spool.folderPath(SpoolFolder::PickUp)).size(), 1);
}

// RFC 4954 AUTH with an OAuth 2.0 token when [delivery] auth asks for it: XOAUTH2 accepted and
// masked; OAUTHBEARER refused with RFC 7628's error challenge, answered with %x01; a server that
// does not offer the mechanism gets no AUTH at all, and never the token under another one.
void TestDispatch::authWithToken()
{
    m_user = QStringLiteral("alice");
    m_auth = DeliveryAuth::XOAuth2;
    const QString name = addPickup(
        QStringLiteral("m1"), {QStringLiteral("alice@office.lan")}, "Subject: x\r\n\r\ny\r\n");
    const QByteArray xoauth2 = QByteArray("user=alice\x01"
                                          "auth=Bearer s3cret\x01\x01")
                                   .toBase64();
    DispatchReport r = run(acceptOneAfterLogin(QStringLiteral("PLAIN XOAUTH2"),
                               {QStringLiteral("C: AUTH XOAUTH2"), QStringLiteral("S: 334 "),
                                   QStringLiteral("C: ") + QString::fromLatin1(xoauth2),
                                   QStringLiteral("S: 235 2.7.0 Authentication successful")},
                               dataLines(name)),
        Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.delivered, 1);
    QVERIFY(m_transcript.contains("********"));
    for (const QByteArray &line : std::as_const(m_transcript))
        QVERIFY2(!line.contains(xoauth2) && !line.contains("s3cret"), line.constData());

    init();
    m_user = QStringLiteral("alice");
    m_auth = DeliveryAuth::OAuthBearer;
    addPickup(name, {QStringLiteral("alice@office.lan")}, "Subject: x\r\n\r\ny\r\n");
    const QByteArray bearer = QByteArray("n,a=alice,\x01host=mail.office.lan\x01port=25\x01"
                                         "auth=Bearer s3cret\x01\x01")
                                  .toBase64();
    const QByteArray refusal = QByteArray(R"({"status":"invalid_token"})").toBase64();
    r = run({QStringLiteral("S: 220 ready"), hello(), QStringLiteral("S: 250-mail.office.lan"),
                QStringLiteral("S: 250 AUTH OAUTHBEARER"), QStringLiteral("C: AUTH OAUTHBEARER"),
                QStringLiteral("S: 334 "), QStringLiteral("C: ") + QString::fromLatin1(bearer),
                QStringLiteral("S: 334 ") + QString::fromLatin1(refusal), QStringLiteral("C: AQ=="),
                QStringLiteral("S: 535 5.7.8 Authentication credentials invalid")},
        Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.failureId, EventId::LocalServerSessionFailed);
    QVERIFY2(
        r.failure.contains(QStringLiteral("refused the login of alice")), qPrintable(r.failure));
    QCOMPARE(readSpoolFolder(m_spool.folderPath(SpoolFolder::PickUp)).size(), 1);

    init();
    m_user = QStringLiteral("alice");
    m_auth = DeliveryAuth::XOAuth2;
    addPickup(name, {QStringLiteral("alice@office.lan")}, "Subject: x\r\n\r\ny\r\n");
    r = run({QStringLiteral("S: 220 ready"), hello(), QStringLiteral("S: 250-mail.office.lan"),
                QStringLiteral("S: 250 AUTH PLAIN LOGIN")},
        Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.failureId, EventId::LocalServerSessionFailed);
    QVERIFY2(r.failure.contains(QStringLiteral("does not offer XOAUTH2")), qPrintable(r.failure));
    QVERIFY(!m_channel->written().contains("AUTH"));
}

// What a recorded run did to PickUp's files: how many it removed, how many removals no sync
// followed, and whether each removal came after the acknowledgement of its acceptance.
struct PickupRemovals
{
    int removed = 0;
    int unsyncedAtEnd = 0;
    bool acknowledgedFirst = true;
};

static PickupRemovals pickupRemovals(const QList<DurableFs::Operation> &log, const QString &pickup)
{
    QSet<QString> accepted;
    PickupRemovals r;
    for (const DurableFs::Operation &op : log) {
        if (op.kind == DurableFs::Operation::Kind::Acknowledge)
            accepted.insert(op.path);
        if (op.kind == DurableFs::Operation::Kind::SyncDirectory && op.path == pickup)
            r.unsyncedAtEnd = 0;
        if (op.kind == DurableFs::Operation::Kind::Remove && op.path.startsWith(pickup)
            && op.path.endsWith(QStringLiteral(".eml"))) {
            r.acknowledgedFirst =
                r.acknowledgedFirst && accepted.contains(op.path.mid(pickup.size() + 1).chopped(4));
            ++r.removed;
            ++r.unsyncedAtEnd;
        }
    }
    return r;
}

QStringList TestDispatch::addPickups(int count, const QMap<QString, QString> &meta)
{
    QStringList names;
    for (int i = 0; i < count; ++i) {
        names.append(addPickup(QStringLiteral("m%1").arg(i, 3, 10, QLatin1Char('0')),
            {QStringLiteral("alice@office.lan")}, "Subject: x\r\n\r\ny\r\n", meta));
    }
    return names;
}

DispatchReport TestDispatch::runDispatcher(const QList<QStringList> &scripts, int *connections,
    const std::function<void(Dispatcher &)> &whileRunning)
{
    Configuration config;
    config.delivery.host = QStringLiteral("mail.office.lan");
    config.delivery.connections = 4;
    config.connector.timeoutSeconds = 30;
    config.connector.logLevel = LogLevel::Maximum;
    Dispatcher dispatcher(m_spool, config);
    auto made = std::make_shared<std::atomic<int>>(0);
    // Called on the dispatcher's thread, by each session as it connects.
    dispatcher.setChannelFactory(
        [scripts, made] { return new FakeChannel(scripts.value((*made)++)); });
    QSignalSpy finished(&dispatcher, &Dispatcher::finished);
    dispatcher.run({});
    if (whileRunning)
        whileRunning(dispatcher);
    const bool ended = finished.wait(10000);
    *connections = *made;
    if (!ended)
        return {};
    QTest::qWait(50); // a second finished() would come now
    return finished.size() == 1 ? finished.first().first().value<DispatchReport>()
                                : DispatchReport {};
}

// A server without extensions that takes each of `names` (one recipient each) in turn.
static QStringList acceptEach(const QStringList &names, const QStringList &data)
{
    QStringList script = {QStringLiteral("S: 220 ready"), hello(), QStringLiteral("S: 250 ok")};
    for (qsizetype i = 0; i < names.size(); ++i) {
        script += {QStringLiteral("C: MAIL FROM:<bob@origin.example>"), QStringLiteral("S: 250 ok"),
            QStringLiteral("C: RCPT TO:<alice@office.lan>"), QStringLiteral("S: 250 ok"),
            QStringLiteral("C: DATA"), QStringLiteral("S: 354 go")};
        script += data;
        script += QStringLiteral("S: 250 ok");
    }
    return script + quit();
}

void TestDispatch::dispatcherDealsPickUpOutAndAddsUp()
{
    // 51 files: two sessions (one for every 50), PickUp dealt round robin, m000 to the first.
    const QStringList names = addPickups(51);
    const QStringList data = dataLines(names.first());
    QList<QStringList> shares(2);
    for (qsizetype i = 0; i < names.size(); ++i)
        shares[i % 2].append(names[i]);
    int connections = 0;
    OperationRecorder recorder;
    const DispatchReport r =
        runDispatcher({acceptEach(shares[0], data), acceptEach(shares[1], data)}, &connections);
    QCOMPARE(connections, 2);
    QCOMPARE(r.failure, QString());
    QCOMPARE(r.delivered, 51);
    QVERIFY(readSpoolFolder(m_spool.folderPath(SpoolFolder::PickUp)).isEmpty());
    const PickupRemovals removals =
        pickupRemovals(recorder.log(), m_spool.folderPath(SpoolFolder::PickUp));
    QVERIFY(removals.acknowledgedFirst);
    QCOMPARE(removals.removed, 51);
    QCOMPARE(removals.unsyncedAtEnd, 0);
}

void TestDispatch::dispatcherCountsWaitingWithoutConnecting()
{
    addPickups(120,
        {{QStringLiteral("next_attempt"),
            QString::number(QDateTime::currentSecsSinceEpoch() + 600)}});
    int connections = 0;
    const DispatchReport r = runDispatcher({}, &connections);
    QCOMPARE(connections, 0);
    QCOMPARE(r.waiting, 120); // three sessions' 40 each
    QCOMPARE(r.delivered, 0);
}

void TestDispatch::dispatcherCancelReachesEverySession()
{
    // Three sessions, each held by a server that never answers EHLO, until the cancel.
    addPickups(120);
    const QStringList stalled = {
        QStringLiteral("S: 220 ready"), hello(), QStringLiteral("S:STALL")};
    int connections = 0;
    const DispatchReport r =
        runDispatcher({stalled, stalled, stalled}, &connections, [](Dispatcher &dispatcher) {
            QTest::qWait(200);
            dispatcher.cancel();
        });
    QCOMPARE(connections, 3);
    QCOMPARE(r.failureId, EventId::LocalServerSessionFailed);
    QCOMPARE(r.failure, QStringLiteral("delivery was cancelled"));
    QCOMPARE(readSpoolFolder(m_spool.folderPath(SpoolFolder::PickUp)).size(), 120);
}

void TestDispatch::removalsFollowAcceptanceAndAreSynced()
{
    const QStringList names = addPickups(70);
    OperationRecorder recorder;
    const DispatchReport r = run(acceptEach(names, dataLines(names.first())), Transport::Smtp);
    CHECK_CONVERSATION();
    QCOMPARE(r.delivered, 70);
    const PickupRemovals removals =
        pickupRemovals(recorder.log(), m_spool.folderPath(SpoolFolder::PickUp));
    QVERIFY2(removals.acknowledgedFirst, "a file left PickUp before its acceptance was told");
    QCOMPARE(removals.removed, 70);
    QCOMPARE(removals.unsyncedAtEnd, 0);
}

void TestDispatch::removalsAreSyncedWithinAnInterval()
{
    // Delivered, then the server sits on QUIT: the removal is made durable meanwhile, not when
    // the session gives up on the goodbye.
    const QStringList names = addPickups(1);
    OperationRecorder recorder;
    const QString pickup = m_spool.folderPath(SpoolFolder::PickUp);
    QStringList script = acceptEach(names, dataLines(names.first()));
    script.last() = QStringLiteral("S:STALL"); // for the 3 s of the session's timeout
    const DispatchReport r = run(script, Transport::Smtp, DeliverySecurity::None, [&] {
        QTRY_COMPARE(pickupRemovals(recorder.log(), pickup).removed, 1);
        QTRY_COMPARE_WITH_TIMEOUT(pickupRemovals(recorder.log(), pickup).unsyncedAtEnd, 0, 1000);
    });
    QCOMPARE(r.delivered, 1);
}

// The syncs a PickupSync made: how many removals the test had counted at the start of each.
struct SyncCalls
{
    QMutex mutex;
    QList<int> removalsAtStart;
    std::atomic<int> removals = 0;
    Status result;

    int count()
    {
        QMutexLocker lock(&mutex);
        return int(removalsAtStart.size());
    }
};

static std::unique_ptr<PickupSync> recordingSync(const std::shared_ptr<SyncCalls> &calls)
{
    auto sync = std::make_unique<PickupSync>(QStringLiteral("/nowhere"));
    sync->setSyncFunction([calls](const QString &) {
        QMutexLocker lock(&calls->mutex);
        calls->removalsAtStart.append(calls->removals);
        return calls->result;
    });
    return sync;
}

static void remove(PickupSync &sync, SyncCalls &calls, int count)
{
    for (int i = 0; i < count; ++i) {
        ++calls.removals;
        sync.removed();
    }
}

void TestDispatch::pickupSyncStartsWhenAGroupIsFull()
{
    auto calls = std::make_shared<SyncCalls>();
    std::unique_ptr<PickupSync> sync = recordingSync(calls);
    remove(*sync, *calls, PickupSync::kRemovalsPerSync - 1);
    QTest::qWait(PickupSync::kRemovalSyncIntervalMs / 2);
    QCOMPARE(calls->count(), 0);
    remove(*sync, *calls, 1);
    QTRY_COMPARE(calls->count(), 1);
    QCOMPARE(calls->removalsAtStart.first(), PickupSync::kRemovalsPerSync);
    // Nothing waits: nothing more to do.
    QCOMPARE(failure(sync->syncNow()), QString());
    QTest::qWait(PickupSync::kRemovalSyncIntervalMs * 2);
    QCOMPARE(calls->count(), 1);
}

void TestDispatch::pickupSyncStartsWhenAGroupIsOld()
{
    auto calls = std::make_shared<SyncCalls>();
    std::unique_ptr<PickupSync> sync = recordingSync(calls);
    QElapsedTimer clock;
    clock.start();
    remove(*sync, *calls, 1);
    QTRY_COMPARE_WITH_TIMEOUT(calls->count(), 1, 2000);
    // A coarse timer may fire 5% early.
    QVERIFY(clock.elapsed() >= PickupSync::kRemovalSyncIntervalMs * 95 / 100);
    // The next group's clock starts with its own first removal.
    remove(*sync, *calls, 3);
    QTRY_COMPARE_WITH_TIMEOUT(calls->count(), 2, 2000);
    QCOMPARE(calls->removalsAtStart, (QList<int> {1, 4}));
}

void TestDispatch::pickupSyncNowWaitsForTheSyncUnderWay()
{
    // A sync that takes its time, and fails: syncNow() waits for it, syncs what came since, and
    // returns the failure, which is not reported a second time.
    auto calls = std::make_shared<SyncCalls>();
    calls->result = Error {ErrorCode::Io, QStringLiteral("disk gone")};
    auto sync = std::make_unique<PickupSync>(QStringLiteral("/nowhere"));
    sync->setSyncFunction([calls](const QString &) {
        QThread::msleep(200);
        QMutexLocker lock(&calls->mutex);
        calls->removalsAtStart.append(calls->removals);
        return calls->result;
    });
    QSignalSpy failed(sync.get(), &PickupSync::syncFailed);
    remove(*sync, *calls, PickupSync::kRemovalsPerSync + 2);
    const Status synced = sync->syncNow();
    QCOMPARE(failure(synced), QStringLiteral("disk gone"));
    QCOMPARE(calls->removalsAtStart,
        (QList<int> {PickupSync::kRemovalsPerSync + 2, PickupSync::kRemovalsPerSync + 2}));
    QTest::qWait(50);
    QCOMPARE(failed.size(), 0);

    // A failure nobody waits for is a signal.
    remove(*sync, *calls, PickupSync::kRemovalsPerSync);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 2000);
    QCOMPARE(failed.first().first().value<Error>().message, QStringLiteral("disk gone"));
}

void TestDispatch::pickupSyncRemovesItsFilesBeforeTheSync()
{
    // Delivered files are removed off the sessions' thread at once, each counted for a sync once
    // it is gone; syncNow() leaves none of them behind and syncs after the last, and a removal
    // that fails names its message.
    QTemporaryDir dir;
    QStringList present; // seen by each sync
    QMutex mutex;
    PickupSync sync(dir.path());
    sync.setSyncFunction([&](const QString &folder) {
        QMutexLocker lock(&mutex);
        present.append(QDir(folder).entryList(QDir::Files).join(u','));
        return Status();
    });
    QSignalSpy failed(&sync, &PickupSync::removalFailed);
    const int n = PickupSync::kRemovalsPerSync + 3;
    for (int i = 0; i < n; ++i) {
        for (const char *suffix : {".eml", ".meta"}) {
            QFile f(dir.filePath(QStringLiteral("m%1%2").arg(i).arg(QLatin1StringView(suffix))));
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
    }
    for (int i = 0; i < n; ++i) {
        sync.remove(QStringLiteral("m%1").arg(i),
            {dir.filePath(QStringLiteral("m%1.eml").arg(i)),
                dir.filePath(QStringLiteral("m%1.meta").arg(i))});
    }
    // Removed without an event loop turning: not on this thread.
    QTRY_COMPARE_WITH_TIMEOUT(QDir(dir.path()).entryList(QDir::Files).size(), 0, 5000);
    QCOMPARE(failure(sync.syncNow()), QString());
    {
        QMutexLocker lock(&mutex);
        QVERIFY(!present.isEmpty());
        QCOMPARE(present.last(), QString()); // the last sync came after every removal
    }
    QCOMPARE(failed.size(), 0);

    // A file that cannot be removed (its folder is a file) is told with its message's name, by
    // the time syncNow() returns.
    QFile blocker(dir.filePath(QStringLiteral("blocker")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const int syncs = int(present.size());
    sync.remove(QStringLiteral("stuck"), {dir.filePath(QStringLiteral("blocker/stuck.eml"))});
    QCOMPARE(failure(sync.syncNow()), QString());
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().toString(), QStringLiteral("stuck"));
    QVERIFY(failed.first().last().value<Error>().message.contains(QStringLiteral("stuck.eml")));
    QMutexLocker lock(&mutex);
    QCOMPARE(int(present.size()), syncs + 1); // syncNow() counted the removal it waited for
}

QTEST_GUILESS_MAIN(TestDispatch)
#include "tst_dispatch.moc"
