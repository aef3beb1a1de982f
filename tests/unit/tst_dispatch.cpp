// SMTP and LMTP conversations of the dispatch stage against a scripted channel, compared byte
// for byte, with the PickUp and BadMail folders checked on disk.
#include "dispatchstage.h"
#include "fakechannel.h"
#include "pickupenvelope.h"
#include "spoolcheck.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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
    void serverDropsDuringData();
    void notAPickupFileGoesToBadMail();
    void rejectedStaysWhenBadMailCannotTakeIt();

private:
    QString addPickup(const QString &name, const QStringList &recipients, const QByteArray &message,
        const QMap<QString, QString> &meta = {});
    DispatchReport run(const QStringList &script, Transport transport,
        DeliverySecurity security = DeliverySecurity::None);

    std::unique_ptr<QTemporaryDir> m_dir;
    Spool m_spool;
    FakeChannel *m_channel = nullptr;
    std::unique_ptr<DispatchStage> m_stage;
};

void TestDispatch::init()
{
    m_stage.reset();
    m_channel = nullptr;
    m_dir = std::make_unique<QTemporaryDir>();
    m_spool = Spool(m_dir->path());
    QCOMPARE(failure(m_spool.prepare()), QString());
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

DispatchReport TestDispatch::run(
    const QStringList &script, Transport transport, DeliverySecurity security)
{
    DispatchStage::Setup setup;
    setup.spool = m_spool;
    setup.delivery.transport = transport;
    setup.delivery.host = QStringLiteral("mail.office.lan");
    setup.delivery.security = security;
    setup.timeoutMs = 3000;
    setup.channelFactory = [this, script] {
        m_channel = new FakeChannel(script);
        return m_channel;
    };
    // Kept until the next run: the scripted channel (checked after the run) belongs to it.
    m_stage = std::make_unique<DispatchStage>(setup);
    QSignalSpy finished(m_stage.get(), &DispatchStage::finished);
    m_stage->start();
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
    QCOMPARE(DispatchStage::backoffSeconds(20), qint64(30 * 60));
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

QTEST_GUILESS_MAIN(TestDispatch)
#include "tst_dispatch.moc"
