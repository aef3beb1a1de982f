// The transfer stage and the spool browser on real files: routing, the PickUp format, Failed
// Mail with reasons, duplicates, loops, and what an administrator does with the folders.
#include "base/durableobserver.h"
#include "pipeline/dispatch/pickupfiles.h"
#include "pipeline/transfer/transferstage.h"
#include "protocol/mimeparser.h"
#include "spool/deliveryhistory.h"
#include "spool/pickupenvelope.h"
#include "spool/spoolbrowser.h"
#include "spoolcheck.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Pop3Connector;

class TestTransfer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void routesEachKindOfMessage();
    void duplicatesAcrossRunsAreDeliveredOnce();
    void reusedMessageIdIsNotADuplicate();
    void browserSummariesAndActions();
    void pickupFileCarriesItsSidecarUnlessAnotherMtaReadsIt_data();
    void pickupFileCarriesItsSidecarUnlessAnotherMtaReadsIt();
    void switchingToThePickupTransportHandsOverTheFolder();
    void handOverNeverPutsBackAFileTheOtherMtaTook();
    void handOverLeavesOutRecipientsThatHaveIt();
    void badMailFileEveryRecipientHasIsNotRequeuedToNobody();
    void recoveryAfterInterruptedTransfer();
    void recoveryKeepsThePickUpFilesOwnSidecar();
    void headedPickUpFileIsReadWhateverIsBesideIt();
    void symlinkInIncomingIsNeverRead();
    void unmatchedCoRecipientIsReported();
    void unmatchedCoRecipientWithoutUndeliverableMailbox();
    void historyKnowsQuotedAddressesAfterRestart();

private:
    void addIncoming(const QString &name, const QByteArray &message, const QString &mailbox);
    TransferReport transfer();
    QStringList recipientsOf(const QString &name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    Spool m_spool;
    Configuration m_config;
    std::shared_ptr<DeliveryHistory> m_history;
    QList<Event> m_events;
};

const QByteArray kJapanese =
    "Message-ID: <jp@origin.example>\r\nFrom: =?iso-2022-jp?b?GyRCOzNFRBsoQg==?= "
    "<yamada@origin.example>\r\n"
    "To: shop@isp.example\r\nSubject: "
    "=?iso-2022-jp?b?GyRCJCpAJE9DJEskSiRDJEYkKiRqJF4kOSEjGyhC?=\r\n"
    "Date: Tue, 14 Nov 2023 10:00:00 +0900\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\n\r\n"
    "\x1b$B$*@$OC$K$J$C$F$*$j$^$9!#\x1b(B\r\n";

void TestTransfer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_spool = Spool(m_dir->path());
    QCOMPARE(failure(m_spool.prepare()), QString());
    m_config = Configuration {};
    m_config.connector.undeliverableMailbox = QStringLiteral("postmaster@office.lan");
    m_config.connector.logLevel = LogLevel::Maximum;
    MailboxSettings shop;
    shop.name = QStringLiteral("shop");
    shop.host = QStringLiteral("pop.isp.example");
    shop.localMailbox = QStringLiteral("alice@office.lan");
    MailboxSettings all;
    all.name = QStringLiteral("catchall");
    all.host = QStringLiteral("pop.isp.example");
    all.type = MailboxType::Global;
    all.acceptedDomains = {QStringLiteral("office.example")};
    all.rules = {{QStringLiteral("*@office.example"), QStringLiteral("*@office.lan")}};
    m_config.mailboxes = {shop, all};
    m_history =
        std::make_shared<DeliveryHistory>(m_spool.statePath() + QStringLiteral("/delivered.log"));
    QCOMPARE(failure(m_history->open()), QString());
    m_events.clear();
}

void TestTransfer::addIncoming(
    const QString &name, const QByteArray &message, const QString &mailbox)
{
    QFile f(m_spool.messagePath(SpoolFolder::Incoming, name));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(message);
    MessageMetadata meta;
    meta.mailbox = mailbox;
    meta.server = QStringLiteral("pop.isp.example");
    meta.uid = name.toUtf8();
    meta.retrieved = QDateTime::currentDateTimeUtc();
    QFile m(m_spool.metaPath(SpoolFolder::Incoming, name));
    QVERIFY(m.open(QIODevice::WriteOnly));
    m.write(meta.serialize());
}

TransferReport TestTransfer::transfer()
{
    TransferStage stage(m_spool, m_config, m_history);
    connect(
        &stage, &TransferStage::eventRaised, this, [this](const Event &e) { m_events.append(e); });
    QSignalSpy finished(&stage, &TransferStage::finished);
    stage.run();
    return finished.value(0).value(0).value<TransferReport>();
}

void TestTransfer::routesEachKindOfMessage()
{
    addIncoming(QStringLiteral("a-japanese"), kJapanese, QStringLiteral("shop"));
    addIncoming(QStringLiteral("b-envelope"),
        "Delivered-To: catchall@isp.example\r\nX-Original-To: bob@office.example\r\n"
        "Message-ID: <b@x>\r\nTo: list@lists.example\r\nSubject: b\r\n\r\nb\r\n",
        QStringLiteral("catchall"));
    addIncoming(QStringLiteral("c-list"),
        "Message-ID: <c@x>\r\nTo: list@lists.example\r\nSubject: c\r\n\r\nc\r\n",
        QStringLiteral("catchall"));
    QByteArray loop;
    for (int i = 0; i < 3; ++i)
        loop += "Received: from pop.isp.example (mailbox catchall)\r\n\tby office (POP3 Connector) "
                "with POP3 id x; Tue, 14 Nov 2023 10:00:00 +0000\r\n";
    addIncoming(QStringLiteral("d-loop"),
        loop + "Message-ID: <d@x>\r\nTo: carol@office.example\r\n\r\nd\r\n",
        QStringLiteral("catchall"));
    addIncoming(QStringLiteral("e-garbage"),
        QByteArray("\x00\x01\x02\xff\xfe no header at all", 22), QStringLiteral("catchall"));
    addIncoming(QStringLiteral("f-orphan"),
        "Message-ID: <f@x>\r\nTo: x@office.example\r\n\r\nf\r\n",
        QStringLiteral("removed-mailbox"));

    const TransferReport r = transfer();
    QCOMPARE(r.routed, 3);
    QCOMPARE(r.undeliverable, 1);
    QCOMPARE(r.failed, 3);
    QVERIFY(readSpoolFolder(m_spool.folderPath(SpoolFolder::Incoming)).isEmpty());
    QVERIFY(QDir(m_spool.tmpPath()).isEmpty());

    // a: to alice, with our trace line, the original bytes untouched after it.
    const QByteArray pickup =
        readSpooledMessage(m_spool.folderPath(SpoolFolder::PickUp), QStringLiteral("a-japanese"))
            .bytes;
    const std::optional<PickupEnvelope> envelope = PickupEnvelope::parse(pickup);
    QVERIFY(envelope);
    QCOMPARE(envelope->sender, QStringLiteral("yamada@origin.example"));
    QCOMPARE(envelope->recipients, QStringList {QStringLiteral("alice@office.lan")});
    const QByteArray message = pickup.mid(envelope->messageOffset);
    QVERIFY(message.startsWith("Received: from pop.isp.example (mailbox shop)"));
    QVERIFY(message.contains("(POP3 Connector)"));
    QVERIFY(message.endsWith(kJapanese));

    QCOMPARE(
        recipientsOf(QStringLiteral("b-envelope")), QStringList {QStringLiteral("bob@office.lan")});
    QCOMPARE(recipientsOf(QStringLiteral("c-list")),
        QStringList {QStringLiteral("postmaster@office.lan")});

    const QList<SpooledMessage> failed = readSpoolFolder(m_spool.folderPath(SpoolFolder::Failed));
    QCOMPARE(failed.size(), 3);
    QVERIFY(
        failed[0].metadata.other.value(QStringLiteral("reason")).contains(QStringLiteral("loop")));
    QVERIFY(failed[1]
                .metadata.other.value(QStringLiteral("reason"))
                .contains(QStringLiteral("cannot be read")));
    QVERIFY(failed[2]
                .metadata.other.value(QStringLiteral("reason"))
                .contains(QStringLiteral("removed-mailbox")));
    // The message bytes are kept as they were.
    QCOMPARE(failed[1].bytes, QByteArray("\x00\x01\x02\xff\xfe no header at all", 22));
}

void TestTransfer::duplicatesAcrossRunsAreDeliveredOnce()
{
    const QByteArray copy = "Message-ID: <same@origin.example>\r\nTo: bob@office.example, "
                            "carol@office.example\r\n\r\nx\r\n";
    addIncoming(QStringLiteral("m1"), copy, QStringLiteral("catchall"));
    // Each copy the provider keeps has trace headers of its own; the message is the same.
    addIncoming(QStringLiteral("m2"),
        "Received: from mx2.isp.example; Tue, 14 Nov 2023 10:00:01 +0900\r\n" + copy,
        QStringLiteral("catchall"));
    TransferReport r = transfer();
    QCOMPARE(r.routed, 1);
    QCOMPARE(r.duplicates, 1);
    // A later copy, after a restart (the history is on disk), is still recognised.
    m_history =
        std::make_shared<DeliveryHistory>(m_spool.statePath() + QStringLiteral("/delivered.log"));
    QCOMPARE(failure(m_history->open()), QString());
    addIncoming(QStringLiteral("m3"), copy, QStringLiteral("catchall"));
    r = transfer();
    QCOMPARE(r.duplicates, 1);
    QCOMPARE(readSpoolFolder(m_spool.folderPath(SpoolFolder::PickUp)).size(), 1);
    // A copy that reaches one more recipient goes to that one only.
    addIncoming(QStringLiteral("m4"),
        "Message-ID: <same@origin.example>\r\nTo: bob@office.example, "
        "dave@office.example\r\n\r\nx\r\n",
        QStringLiteral("catchall"));
    r = transfer();
    QCOMPARE(r.routed, 1);
    QCOMPARE(recipientsOf(QStringLiteral("m4")), QStringList {QStringLiteral("dave@office.lan")});
}

void TestTransfer::reusedMessageIdIsNotADuplicate()
{
    // Some senders give every message the same Message-ID: a different body is a different
    // message, and taking it for a copy would lose it.
    const QByteArray head = "Message-ID: <fixed@careless.example>\r\nTo: bob@office.example\r\n";
    addIncoming(QStringLiteral("n1"), head + "Subject: invoice 1\r\n\r\nfirst\r\n",
        QStringLiteral("catchall"));
    addIncoming(QStringLiteral("n2"), head + "Subject: invoice 2\r\n\r\nsecond\r\n",
        QStringLiteral("catchall"));
    TransferReport r = transfer();
    QCOMPARE(r.duplicates, 0);
    QCOMPARE(r.routed, 2);
    // Nor after a restart, from the history on disk.
    m_history =
        std::make_shared<DeliveryHistory>(m_spool.statePath() + QStringLiteral("/delivered.log"));
    QCOMPARE(failure(m_history->open()), QString());
    addIncoming(QStringLiteral("n3"), head + "Subject: invoice 3\r\n\r\nthird\r\n",
        QStringLiteral("catchall"));
    r = transfer();
    QCOMPARE(r.duplicates, 0);
    QCOMPARE(r.routed, 1);
    QCOMPARE(readSpoolFolder(m_spool.folderPath(SpoolFolder::PickUp)).size(), 3);
}

void TestTransfer::browserSummariesAndActions()
{
    addIncoming(QStringLiteral("a"), kJapanese, QStringLiteral("shop"));
    addIncoming(QStringLiteral("bad"), QByteArray("\x00\x01 junk", 7), QStringLiteral("shop"));
    SpoolBrowser browser(m_spool);
    const MessageSummary s = browser.summary(SpoolFolder::Incoming, QStringLiteral("a"));
    QCOMPARE(s.subject, QStringLiteral("お世話になっております。"));
    QVERIFY(s.from.contains(QStringLiteral("山田")));
    QCOMPARE(s.size, qint64(kJapanese.size()));
    QCOMPARE(s.mailbox, QStringLiteral("shop"));
    QVERIFY(browser.preview(SpoolFolder::Incoming, QStringLiteral("a"))
                .contains(QStringLiteral("お世話になっております。")));

    transfer();
    QCOMPARE(browser.names(SpoolFolder::Failed), QStringList {QStringLiteral("bad")});
    const MessageSummary failed = browser.summary(SpoolFolder::Failed, QStringLiteral("bad"));
    QVERIFY(!failed.reason.isEmpty());
    // Export gives the message without the pickup envelope.
    const QString exported = m_dir->filePath(QStringLiteral("a.eml"));
    QCOMPARE(browser.exportMessage(SpoolFolder::PickUp, QStringLiteral("a"), exported), QString());
    QFile e(exported);
    QVERIFY(e.open(QIODevice::ReadOnly));
    QVERIFY(e.readAll().startsWith("Received: "));

    // Requeue puts it back where it came from, without the old reason.
    QCOMPARE(browser.requeue(SpoolFolder::Failed, QStringLiteral("bad")), QString());
    QCOMPARE(browser.names(SpoolFolder::Incoming), QStringList {QStringLiteral("bad")});
    QVERIFY(!readMetadata(m_spool, SpoolFolder::Incoming, QStringLiteral("bad"))
                 ->other.contains(QStringLiteral("reason")));
    QVERIFY(!browser.requeue(SpoolFolder::Incoming, QStringLiteral("bad")).isEmpty());
    transfer();

    // An unreadable message can travel as an attachment to the undeliverable-mail mailbox.
    QCOMPARE(browser.wrapForUndeliverable(SpoolFolder::Failed, QStringLiteral("bad"),
                 QStringLiteral("postmaster@office.lan")),
        QString());
    QVERIFY(browser.names(SpoolFolder::Failed).isEmpty());
    const QStringList pickup = browser.names(SpoolFolder::PickUp);
    QCOMPARE(pickup.size(), 2);
    const QString wrapped =
        pickup.contains(QStringLiteral("a")) ? pickup[pickup[0] == u"a" ? 1 : 0] : QString();
    const MessageSummary w = browser.summary(SpoolFolder::PickUp, wrapped);
    QVERIFY(w.readable);
    QCOMPARE(w.to, QStringLiteral("postmaster@office.lan"));
    QVERIFY(w.subject.startsWith(QStringLiteral("Undeliverable message")));
    QFile wf(m_spool.messagePath(SpoolFolder::PickUp, wrapped));
    QVERIFY(wf.open(QIODevice::ReadOnly));
    const QByteArray bytes = wf.readAll();
    QVERIFY(bytes.contains("filename=original.eml") || bytes.contains("filename=\"original.eml\""));
    QVERIFY(bytes.contains(QByteArray("\x00\x01 junk", 7).toBase64()));

    QCOMPARE(browser.remove(SpoolFolder::PickUp, wrapped), QString());
    QCOMPARE(browser.names(SpoolFolder::PickUp), QStringList {QStringLiteral("a")});
}

void TestTransfer::pickupFileCarriesItsSidecarUnlessAnotherMtaReadsIt_data()
{
    QTest::addColumn<Transport>("transport");
    QTest::addColumn<bool>("headed");
    QTest::newRow("smtp") << Transport::Smtp << true;
    QTest::newRow("lmtp") << Transport::Lmtp << true;
    QTest::newRow("pickup: another MTA reads the folder") << Transport::Pickup << false;
}

void TestTransfer::pickupFileCarriesItsSidecarUnlessAnotherMtaReadsIt()
{
    QFETCH(Transport, transport);
    QFETCH(bool, headed);
    m_config.delivery.transport = transport;
    addIncoming(QStringLiteral("m"), kJapanese, QStringLiteral("shop"));
    QCOMPARE(transfer().routed, 1);

    QFile file(m_spool.messagePath(SpoolFolder::PickUp, QStringLiteral("m")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const bool besideIt = QFile::exists(m_spool.metaPath(SpoolFolder::PickUp, QStringLiteral("m")));
    // One file a message when the connector delivers it; the IIS format alone, its sidecar beside
    // it, when another MTA does.
    QCOMPARE(besideIt, !headed);
    QCOMPARE(bytes.startsWith("x-sender: <yamada@origin.example>\r\n"), !headed);
    QCOMPARE(MessageMetadata::parseHead(bytes).has_value(), headed);
    const std::optional<MessageMetadata> meta =
        readMetadata(m_spool, SpoolFolder::PickUp, QStringLiteral("m"));
    QVERIFY(meta);
    QCOMPARE(meta->mailbox, QStringLiteral("shop"));
    QCOMPARE(meta->other.value(QStringLiteral("recipients")), QStringLiteral("alice@office.lan"));
    QCOMPARE(recipientsOf(QStringLiteral("m")), QStringList {QStringLiteral("alice@office.lan")});
    QVERIFY(bytes.endsWith(kJapanese));
    // What a reader of the folder shows: the message, not the sidecar before it.
    const MessageSummary summary =
        SpoolBrowser(m_spool).summary(SpoolFolder::PickUp, QStringLiteral("m"));
    QVERIFY(summary.readable);
    QCOMPARE(summary.to, QStringLiteral("alice@office.lan"));
    QCOMPARE(summary.mailbox, QStringLiteral("shop"));
}

void TestTransfer::switchingToThePickupTransportHandsOverTheFolder()
{
    m_config.delivery.transport = Transport::Lmtp;
    addIncoming(QStringLiteral("m"), kJapanese, QStringLiteral("shop"));
    QCOMPARE(transfer().routed, 1);
    const QString path = m_spool.messagePath(SpoolFolder::PickUp, QStringLiteral("m"));
    QVERIFY(!QFile::exists(m_spool.metaPath(SpoolFolder::PickUp, QStringLiteral("m"))));

    // Another MTA reads the folder from now on: what waits there is rewritten for it.
    m_config.delivery.transport = Transport::Pickup;
    QCOMPARE(transfer().routed, 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(
        bytes.startsWith("x-sender: <yamada@origin.example>\r\nx-receiver: <alice@office.lan>"));
    QVERIFY(bytes.endsWith(kJapanese));
    const std::optional<MessageMetadata> meta =
        readMetadata(m_spool, SpoolFolder::PickUp, QStringLiteral("m"));
    QVERIFY(meta);
    QCOMPARE(meta->messageOffset, qint64(0));
    QCOMPARE(meta->other.value(QStringLiteral("recipients")), QStringLiteral("alice@office.lan"));
    QVERIFY(QDir(m_spool.tmpPath()).isEmpty());
}

void TestTransfer::handOverNeverPutsBackAFileTheOtherMtaTook()
{
    m_config.delivery.transport = Transport::Lmtp;
    addIncoming(QStringLiteral("m"), kJapanese, QStringLiteral("shop"));
    QCOMPARE(transfer().routed, 1);
    // The other MTA takes the file while the hand-over writes its new form.
    struct TakenMeanwhile : DurableFs::Observer
    {
        Status intercept(const DurableFs::Operation &op) override
        {
            if (op.kind == DurableFs::Operation::Kind::Exchange)
                QFile::remove(op.target);
            return {};
        }
        void completed(const DurableFs::Operation &) override { }
    } taken;
    DurableFs::setObserver(&taken);
    m_config.delivery.transport = Transport::Pickup;
    transfer();
    DurableFs::setObserver(nullptr);
    QVERIFY(!QFile::exists(m_spool.messagePath(SpoolFolder::PickUp, QStringLiteral("m"))));
    QVERIFY(QDir(m_spool.tmpPath()).isEmpty());
}

// Before a requeue into PickUp for another MTA, a BadMail file is handed over in BadMail. One
// whose every recipient has the message already would go to nobody: an error, and it stays.
void TestTransfer::badMailFileEveryRecipientHasIsNotRequeuedToNobody()
{
    m_config.delivery.transport = Transport::Lmtp;
    addIncoming(QStringLiteral("n"),
        "To: bob@office.example, carol@office.example\r\nMessage-ID: <all@x>\r\n\r\nn\r\n",
        QStringLiteral("catchall"));
    QCOMPARE(transfer().routed, 1);
    const PickupFiles files(m_spool);
    Result<PickupFile> file = files.read(QStringLiteral("n"));
    QVERIFY(file);
    QStringList everyone;
    for (const MailAddress &r : file->recipients)
        everyone.append(r.toString());
    QCOMPARE(failure(files.recordDelivered(file.value(), everyone)), QString());
    const QString bad = m_spool.messagePath(SpoolFolder::BadMail, QStringLiteral("n"));
    QCOMPARE(failure(DurableFs::rename(file->path, bad)), QString());
    QCOMPARE(failure(DurableFs::rename(m_spool.metaPath(SpoolFolder::PickUp, QStringLiteral("n")),
                 m_spool.metaPath(SpoolFolder::BadMail, QStringLiteral("n")))),
        QString()); // where the delivery was recorded

    const Status s = files.handOver(SpoolFolder::BadMail, QStringLiteral("n"));
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::InvalidInput);
    QVERIFY(s.error().message.contains(QStringLiteral("every recipient")));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("POP3-Connector-Sidecar: ")); // untouched
}

void TestTransfer::handOverLeavesOutRecipientsThatHaveIt()
{
    m_config.delivery.transport = Transport::Lmtp;
    addIncoming(QStringLiteral("m"),
        "To: bob@office.example, carol@office.example\r\nMessage-ID: <two@x>\r\n\r\nm\r\n",
        QStringLiteral("catchall"));
    QCOMPARE(transfer().routed, 1);
    QCOMPARE(recipientsOf(QStringLiteral("m")).size(), 2);
    // An earlier transaction reached the first recipient before the transport changed.
    const PickupFiles files(m_spool);
    Result<PickupFile> file = files.read(QStringLiteral("m"));
    QVERIFY(file);
    const QString first = file->recipients.first().toString();
    QCOMPARE(failure(files.recordDelivered(file.value(), {first})), QString());
    // And one that both recipients have already: nothing is left to hand over.
    addIncoming(QStringLiteral("n"),
        "To: bob@office.example, carol@office.example\r\nMessage-ID: <both@x>\r\n\r\nn\r\n",
        QStringLiteral("catchall"));
    QCOMPARE(transfer().routed, 1);
    Result<PickupFile> both = files.read(QStringLiteral("n"));
    QVERIFY(both);
    QStringList everyone;
    for (const MailAddress &r : both->recipients)
        everyone.append(r.toString());
    QCOMPARE(failure(files.recordDelivered(both.value(), everyone)), QString());

    m_config.delivery.transport = Transport::Pickup;
    transfer();
    QVERIFY(!QFile::exists(m_spool.messagePath(SpoolFolder::PickUp, QStringLiteral("n"))));
    QVERIFY(!QFile::exists(m_spool.metaPath(SpoolFolder::PickUp, QStringLiteral("n"))));
    QStringList left = recipientsOf(QStringLiteral("m"));
    QCOMPARE(left.size(), 1);
    QVERIFY(!left.contains(first));
    QFile f(m_spool.messagePath(SpoolFolder::PickUp, QStringLiteral("m")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("x-sender: "));
}

void TestTransfer::recoveryAfterInterruptedTransfer()
{
    addIncoming(QStringLiteral("m"), "Message-ID: <m@x>\r\nTo: shop@isp.example\r\n\r\nm\r\n",
        QStringLiteral("shop"));
    transfer();
    // As if the process died after placing the PickUp file, before removing the Incoming one,
    // and in the middle of a later move (a sidecar without its message).
    addIncoming(QStringLiteral("m"), "Message-ID: <m@x>\r\nTo: shop@isp.example\r\n\r\nm\r\n",
        QStringLiteral("shop"));
    QFile orphan(m_spool.metaPath(SpoolFolder::BadMail, QStringLiteral("gone")));
    QVERIFY(orphan.open(QIODevice::WriteOnly));
    orphan.write("mailbox: shop\n");
    orphan.close();
    QFile scratch(m_spool.tmpPath() + QStringLiteral("/x.pickup.part"));
    QVERIFY(scratch.open(QIODevice::WriteOnly));
    scratch.close();
    const RecoveryReport r = recoverSpool(m_spool, [](const MessageMetadata &) { return nullptr; });
    QVERIFY(r.errors.isEmpty());
    QVERIFY(readSpoolFolder(m_spool.folderPath(SpoolFolder::Incoming)).isEmpty());
    QCOMPARE(readSpoolFolder(m_spool.folderPath(SpoolFolder::PickUp)).size(), 1);
    QVERIFY(!orphan.exists());
    QVERIFY(QDir(m_spool.tmpPath()).isEmpty());
}

void TestTransfer::recoveryKeepsThePickUpFilesOwnSidecar()
{
    // As the download stores it: the sidecar at the top of the Incoming file.
    MessageMetadata meta;
    meta.mailbox = QStringLiteral("shop");
    meta.server = QStringLiteral("pop.isp.example");
    meta.uid = "m";
    meta.retrieved = QDateTime::currentDateTimeUtc();
    const QByteArray message = "Message-ID: <m@x>\r\nTo: shop@isp.example\r\n\r\nm\r\n";
    const auto store = [&] {
        QFile f(m_spool.messagePath(SpoolFolder::Incoming, QStringLiteral("m")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(meta.serializeAsHead() + message);
    };
    store();
    QCOMPARE(transfer().routed, 1);
    // The process died after placing the PickUp file, before removing the Incoming copy.
    store();
    const RecoveryReport r = recoverSpool(m_spool, [](const MessageMetadata &) { return nullptr; });
    QVERIFY(r.errors.isEmpty());
    QVERIFY(readSpoolFolder(m_spool.folderPath(SpoolFolder::Incoming)).isEmpty());
    // The PickUp file keeps its own sidecar: the Incoming one put beside it would win over it
    // and have the envelope read from where the sidecar starts.
    QVERIFY(!QFile::exists(m_spool.metaPath(SpoolFolder::PickUp, QStringLiteral("m"))));
    QCOMPARE(recipientsOf(QStringLiteral("m")), QStringList {QStringLiteral("alice@office.lan")});
    const Result<PickupFile> read = PickupFiles(m_spool).read(QStringLiteral("m"));
    QVERIFY2(read, qPrintable(failure(read)));
    QCOMPARE(read->recipients.size(), 1);
    QVERIFY(read->size > message.size());
}

void TestTransfer::headedPickUpFileIsReadWhateverIsBesideIt()
{
    addIncoming(QStringLiteral("m"), kJapanese, QStringLiteral("shop"));
    QCOMPARE(transfer().routed, 1);
    // A sidecar beside it that says the file has no head: left by the file this one replaced
    // (a crash between a rewrite's rename and the sidecar's removal), or unreadable just now.
    // Either way the envelope is read where the file's own head ends, not from its first byte
    // (which would send the message to BadMail as having no envelope).
    for (const QByteArray &beside : {MessageMetadata {}.serialize(), QByteArray("\xff\x00", 2)}) {
        QFile meta(m_spool.metaPath(SpoolFolder::PickUp, QStringLiteral("m")));
        QVERIFY(meta.open(QIODevice::WriteOnly | QIODevice::Truncate));
        meta.write(beside);
        meta.close();
        const Result<PickupFile> read = PickupFiles(m_spool).read(QStringLiteral("m"));
        QVERIFY2(read, qPrintable(failure(read)));
        QCOMPARE(read->recipients.size(), 1);
        const MessageSummary summary =
            SpoolBrowser(m_spool).summary(SpoolFolder::PickUp, QStringLiteral("m"));
        QCOMPARE(summary.to, QStringLiteral("alice@office.lan"));
    }
}

void TestTransfer::symlinkInIncomingIsNeverRead()
{
    // Someone who can write to Incoming Mail plants a link to a file only the service user
    // may read: it must not travel on as mail.
    const QString secret = m_dir->filePath(QStringLiteral("secret"));
    QFile f(secret);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Subject: TOP SECRET\r\n\r\nroot:x:0:0\r\n");
    f.close();
    addIncoming(QStringLiteral("link"), "placeholder", QStringLiteral("shop"));
    QVERIFY(QFile::remove(m_spool.messagePath(SpoolFolder::Incoming, QStringLiteral("link"))));
    QVERIFY(
        QFile::link(secret, m_spool.messagePath(SpoolFolder::Incoming, QStringLiteral("link"))));

    const TransferReport r = transfer();
    QCOMPARE(r.routed, 0);
    QCOMPARE(r.failed, 1);
    QVERIFY(QDir(m_spool.folderPath(SpoolFolder::PickUp)).isEmpty());
    // Put aside as it is (the link itself, never its target's bytes), with the reason.
    const QFileInfo moved(m_spool.messagePath(SpoolFolder::Failed, QStringLiteral("link")));
    QVERIFY(moved.isSymLink());
    QVERIFY(readMetadata(m_spool, SpoolFolder::Failed, QStringLiteral("link"))
                ->other.value(QStringLiteral("reason"))
                .contains(QStringLiteral("symbolic link")));
    // The spool browser does not show the target either.
    const QString preview =
        SpoolBrowser(m_spool).preview(SpoolFolder::Failed, QStringLiteral("link"));
    QVERIFY2(!preview.contains(QStringLiteral("TOP SECRET")), qPrintable(preview));
    QVERIFY(!SpoolBrowser(m_spool)
                 .exportMessage(SpoolFolder::Failed, QStringLiteral("link"),
                     m_dir->filePath(QStringLiteral("out.eml")))
                 .isEmpty());
}

QStringList TestTransfer::recipientsOf(const QString &name) const
{
    const QByteArray bytes =
        readSpooledMessage(m_spool.folderPath(SpoolFolder::PickUp), name).bytes;
    return PickupEnvelope::parse(bytes).value_or(PickupEnvelope {}).recipients;
}

void TestTransfer::unmatchedCoRecipientIsReported()
{
    // Only info@ has a rule. Carol, in the accepted domain, matches none: before, she was dropped
    // without a word; now the undeliverable-mail mailbox gets one copy and an event names her.
    m_config.mailboxes[1].rules = {
        {QStringLiteral("info@office.example"), QStringLiteral("alice@office.lan")}};
    addIncoming(QStringLiteral("m"),
        "Message-ID: <m@x>\r\nTo: info@office.example, carol@office.example\r\n"
        "Cc: partner@elsewhere.example\r\n\r\nm\r\n",
        QStringLiteral("catchall"));
    const TransferReport r = transfer();
    QCOMPARE(r.routed, 1);
    QCOMPARE(r.failed, 0);
    QCOMPARE(recipientsOf(QStringLiteral("m")),
        (QStringList {
            QStringLiteral("alice@office.lan"), QStringLiteral("postmaster@office.lan")}));
    bool reported = false;
    for (const Event &e : std::as_const(m_events))
        reported = reported
            || (int(e.id) == 1072 && e.text.contains(QStringLiteral("carol@office.example"))
                && !e.text.contains(QStringLiteral("partner@elsewhere.example")));
    QVERIFY(reported);
}

void TestTransfer::unmatchedCoRecipientWithoutUndeliverableMailbox()
{
    // Without an undeliverable-mail mailbox the routable recipient still gets the message, and
    // the event says that carol does not.
    m_config.connector.undeliverableMailbox.clear();
    m_config.mailboxes[1].rules = {
        {QStringLiteral("info@office.example"), QStringLiteral("alice@office.lan")}};
    addIncoming(QStringLiteral("m"),
        "Message-ID: <m@x>\r\nTo: info@office.example, carol@office.example\r\n\r\nm\r\n",
        QStringLiteral("catchall"));
    const TransferReport r = transfer();
    QCOMPARE(r.routed, 1);
    QCOMPARE(r.failed, 0);
    QCOMPARE(recipientsOf(QStringLiteral("m")), QStringList {QStringLiteral("alice@office.lan")});
    QVERIFY(readSpoolFolder(m_spool.folderPath(SpoolFolder::Failed)).isEmpty());
    bool reported = false;
    for (const Event &e : std::as_const(m_events))
        reported = reported
            || (int(e.id) == 1072 && e.text.contains(QStringLiteral("carol@office.example")));
    QVERIFY(reported);
}

void TestTransfer::historyKnowsQuotedAddressesAfterRestart()
{
    // delivered.log holds "<time> <recipient> <fingerprint>" lines: a quoted local part with
    // spaces and a Message-ID with control characters must come back as the same key.
    const QByteArray copy = "Message-ID: <a\x01\x0b b@origin.example>\r\n"
                            "To: \"john  smith\"@office.example\r\n\r\nx\r\n";
    addIncoming(QStringLiteral("m1"), copy, QStringLiteral("catchall"));
    QCOMPARE(transfer().routed, 1);
    QCOMPARE(recipientsOf(QStringLiteral("m1")),
        QStringList {QStringLiteral("\"john  smith\"@office.lan")});
    QFile log(m_spool.statePath() + QStringLiteral("/delivered.log"));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray line = log.readAll();
    QCOMPARE(line.count('\n'), qsizetype(1));
    QVERIFY(!line.contains('\x01') && !line.contains('\x0b'));
    m_history =
        std::make_shared<DeliveryHistory>(m_spool.statePath() + QStringLiteral("/delivered.log"));
    QCOMPARE(failure(m_history->open()), QString());
    addIncoming(QStringLiteral("m2"), copy, QStringLiteral("catchall"));
    QCOMPARE(transfer().duplicates, 1);
}

QTEST_GUILESS_MAIN(TestTransfer)
#include "tst_transfer.moc"
