// A full disk at every point of every writer: the spool on a small tmpfs filled to within a
// chosen number of bytes, then a stage or an administrator's action runs. Whatever the point,
// the message stays whole in exactly one place, nothing is left half-written where a stage
// would take it for mail, and once the space is back the same work succeeds.
#include "dovecotfixture.h"
#include "pipeline/dispatch/deliverysession.h"
#include "pipeline/transfer/transferstage.h"
#include "smallfilesystem.h"
#include "spool/deliveryhistory.h"
#include "spool/pickupenvelope.h"
#include "spool/spoolbrowser.h"
#include "spool/uidledger.h"
#include "spoolcheck.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Pop3Connector;

namespace {

// Free space left before each run: none, a page, parts of the message, just around the size of
// the message and its sidecar, and plenty.
const QList<qint64> kLeaves = {0, 4096, 64 * 1024, 150 * 1024, 196 * 1024, 204 * 1024, 212 * 1024,
    260 * 1024, 400 * 1024, 1024 * 1024};

QByteArray bigMessage()
{
    QByteArray m = "Message-ID: <big@origin.example>\r\nFrom: bob@origin.example\r\n"
                   "To: alice@office.example\r\nSubject: a large one\r\n\r\n";
    while (m.size() < 200 * 1024)
        m += "0123456789 the quick brown fox jumps over the lazy dog 0123456789\r\n";
    return m;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Where the message is, whole: each folder whose file is the message (after any envelope).
// A file that is there but not whole is reported as such.
QStringList placesOf(const Spool &spool, const QString &name, const QByteArray &message)
{
    QStringList places;
    for (SpoolFolder folder : Spool::folders()) {
        const QDir dir(spool.folderPath(folder));
        for (const QString &file : dir.entryList({name + QStringLiteral("*.eml")}, QDir::Files)) {
            const bool enveloped = folder == SpoolFolder::PickUp || folder == SpoolFolder::BadMail;
            // After the sidecar at the top of a PickUp or BadMail file.
            const QByteArray bytes = enveloped
                ? readSpooledMessage(spool.folderPath(folder), file.chopped(4)).bytes
                : readAll(dir.filePath(file));
            qint64 offset = 0;
            if (enveloped) {
                const std::optional<PickupEnvelope> e = PickupEnvelope::parse(bytes);
                offset = e ? e->messageOffset : -1;
            }
            const bool whole = offset >= 0 && bytes.endsWith(message)
                && (folder != SpoolFolder::Incoming || bytes == message);
            places.append(
                Spool::folderName(folder) + (whole ? QString() : QStringLiteral(" (torn)")));
        }
    }
    return places;
}

} // namespace

class TestDiskFull : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void transferAtEveryPoint();
    void badMailAtEveryPoint();
    void ledgerRewriteAndAppend();
    void deliveryHistory();
    void sidecar();
    void exportAndWrap();

private:
    void addIncoming(const QString &name, const QByteArray &message);
    TransferReport transfer();

    std::unique_ptr<SmallFileSystem> m_fs;
    Spool m_spool;
    Configuration m_config;
    std::shared_ptr<DeliveryHistory> m_history;
    DovecotFixture m_dovecot;
    QString m_dovecotError;
};

void TestDiskFull::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("a small file system for the spool needs root");
    m_dovecotError = m_dovecot.start({{QStringLiteral("alice"), QStringLiteral("x")}});
}

void TestDiskFull::init()
{
    m_fs = std::make_unique<SmallFileSystem>(4 * 1024 * 1024);
    QVERIFY2(m_fs->error().isEmpty(), qPrintable(m_fs->error()));
    m_spool = Spool(m_fs->path() + QStringLiteral("/spool"));
    QCOMPARE(failure(m_spool.prepare()), QString());
    m_config = Configuration {};
    MailboxSettings shop;
    shop.name = QStringLiteral("shop");
    shop.host = QStringLiteral("pop.isp.example");
    shop.localMailbox = QStringLiteral("alice@office.example");
    m_config.mailboxes = {shop};
    m_history =
        std::make_shared<DeliveryHistory>(m_spool.statePath() + QStringLiteral("/delivered.log"));
    QCOMPARE(failure(m_history->open()), QString());
}

void TestDiskFull::cleanup()
{
    m_history.reset();
    m_fs.reset();
}

void TestDiskFull::addIncoming(const QString &name, const QByteArray &message)
{
    QFile f(m_spool.messagePath(SpoolFolder::Incoming, name));
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(message), message.size());
    f.close();
    MessageMetadata meta;
    meta.mailbox = QStringLiteral("shop");
    meta.server = QStringLiteral("pop.isp.example");
    meta.uid = name.toUtf8();
    QFile m(m_spool.metaPath(SpoolFolder::Incoming, name));
    QVERIFY(m.open(QIODevice::WriteOnly));
    m.write(meta.serialize());
}

TransferReport TestDiskFull::transfer()
{
    TransferStage stage(m_spool, m_config, m_history);
    QSignalSpy finished(&stage, &TransferStage::finished);
    stage.run();
    return finished.value(0).value(0).value<TransferReport>();
}

void TestDiskFull::transferAtEveryPoint()
{
    const QByteArray message = bigMessage();
    for (qint64 leave : kLeaves) {
        init();
        addIncoming(QStringLiteral("m1"), message);
        QCOMPARE(m_fs->fill(leave), QString());
        const TransferReport r = transfer();
        const QStringList places = placesOf(m_spool, QStringLiteral("m1"), message);
        QVERIFY2(places.size() == 1 && !places.first().contains(u'('),
            qPrintable(QStringLiteral("%1 bytes free: %2").arg(leave).arg(places.join(u','))));
        if (places.first() == Spool::folderName(SpoolFolder::Incoming)) {
            // It could not be transferred: said so, and nothing half-written remains to be
            // taken for a PickUp file.
            QVERIFY2(!r.error.isEmpty(), qPrintable(QString::number(leave)));
            QVERIFY(QDir(m_spool.folderPath(SpoolFolder::PickUp)).isEmpty());
        }
        m_fs->release();
        QCOMPARE(transfer().error, QString());
        QCOMPARE(placesOf(m_spool, QStringLiteral("m1"), message),
            QStringList {Spool::folderName(SpoolFolder::PickUp)});
        cleanup();
    }
}

void TestDiskFull::badMailAtEveryPoint()
{
    QVERIFY2(m_dovecotError.isEmpty(), qPrintable(m_dovecotError));
    const QByteArray message = bigMessage();
    for (qint64 leave : kLeaves) {
        init();
        // Dovecot's LMTP rejects the unknown recipient (550): the message goes to BadMail.
        PickupEnvelope envelope;
        envelope.sender = QStringLiteral("bob@origin.example");
        envelope.recipients = {QStringLiteral("nobody@office.example")};
        {
            QFile f(m_spool.messagePath(SpoolFolder::PickUp, QStringLiteral("m1")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(envelope.serialize() + message);
            QFile m(m_spool.metaPath(SpoolFolder::PickUp, QStringLiteral("m1")));
            QVERIFY(m.open(QIODevice::WriteOnly));
            m.write(MessageMetadata {}.serialize());
        }
        QCOMPARE(m_fs->fill(leave), QString());
        DeliverySession::Setup setup;
        setup.spool = m_spool;
        setup.delivery.transport = Transport::Lmtp;
        setup.delivery.host = QStringLiteral("127.0.0.1");
        setup.delivery.port = m_dovecot.lmtpPort();
        {
            DeliverySession session(setup);
            QSignalSpy finished(&session, &DeliverySession::finished);
            session.start();
            QVERIFY(finished.wait(20000));
        }
        const QStringList places = placesOf(m_spool, QStringLiteral("m1"), message);
        QVERIFY2(places.size() == 1 && !places.first().contains(u'('),
            qPrintable(QStringLiteral("%1 bytes free: %2").arg(leave).arg(places.join(u','))));
        m_fs->release();
        cleanup();
    }
}

void TestDiskFull::ledgerRewriteAndAppend()
{
    UidLedger ledger(m_spool.ledgerPath(QStringLiteral("shop")));
    QCOMPARE(failure(ledger.open(QStringLiteral("pop.isp.example alice"))), QString());
    QList<std::pair<QByteArray, UidLedger::Entry>> entries;
    QSet<QByteArray> all;
    for (int i = 0; i < 2000; ++i) {
        const QByteArray uid = "uid-" + QByteArray::number(i);
        entries.append({uid, {1700000000 + i, QStringLiteral("name-%1").arg(i)}});
        all.insert(uid);
    }
    QCOMPARE(failure(ledger.append(entries)), QString());
    const QByteArray before = readAll(ledger.path());
    QVERIFY(before.size() > 40000);

    // A rewrite needs a second copy's worth of space: it fails, and the ledger is untouched.
    QCOMPARE(m_fs->fill(8 * 1024), QString());
    all.remove("uid-0");
    const Status rewritten = ledger.retainOnly(all);
    QVERIFY(!rewritten);
    QCOMPARE(rewritten.error().code, ErrorCode::DiskFull);
    QCOMPARE(readAll(ledger.path()), before);

    // An append that does not fit leaves no torn line behind.
    QCOMPARE(m_fs->fill(0), QString());
    QList<std::pair<QByteArray, UidLedger::Entry>> more;
    for (int i = 0; i < 500; ++i)
        more.append({"more-" + QByteArray::number(i), {1, QStringLiteral("x")}});
    QVERIFY(!ledger.append(more));
    QVERIFY(!ledger.find("more-0"));

    m_fs->release();
    UidLedger reopened(ledger.path());
    QCOMPARE(failure(reopened.open(QStringLiteral("pop.isp.example alice"))), QString());
    QVERIFY(reopened.find("uid-1999"));
    QVERIFY(!reopened.find("more-0"));
    QVERIFY(readAll(ledger.path()).endsWith('\n'));
}

void TestDiskFull::deliveryHistory()
{
    const MailAddress alice = MailAddress::parse(u"alice@office.example").value();
    const MailAddress bob = MailAddress::parse(u"bob@office.example").value();
    QCOMPARE(failure(m_history->record({{QStringLiteral("<a@x> digest"), alice}})), QString());
    const QByteArray before = readAll(m_spool.statePath() + QStringLiteral("/delivered.log"));
    QCOMPARE(m_fs->fill(0), QString());
    QList<std::pair<QString, MailAddress>> many;
    for (int i = 0; i < 2000; ++i)
        many.append({QStringLiteral("<m%1@x> digest").arg(i), bob});
    const Status recorded = m_history->record(many);
    QVERIFY(!recorded);
    QCOMPARE(recorded.error().code, ErrorCode::DiskFull);
    QCOMPARE(readAll(m_spool.statePath() + QStringLiteral("/delivered.log")), before);
    m_fs->release();
    DeliveryHistory reopened(m_spool.statePath() + QStringLiteral("/delivered.log"));
    QCOMPARE(failure(reopened.open()), QString());
    QVERIFY(!reopened.claim(QStringLiteral("<a@x> digest"), alice));
}

void TestDiskFull::sidecar()
{
    addIncoming(QStringLiteral("m1"), "Subject: x\r\n\r\nx\r\n");
    const QByteArray before =
        readAll(m_spool.metaPath(SpoolFolder::Incoming, QStringLiteral("m1")));
    MessageMetadata meta;
    meta.mailbox = QStringLiteral("shop");
    meta.other.insert(QStringLiteral("reason"), QString(20000, u'r'));
    QCOMPARE(m_fs->fill(0), QString());
    const Status replaced =
        replaceMetadata(m_spool, SpoolFolder::Incoming, QStringLiteral("m1"), meta);
    QVERIFY(!replaced);
    QCOMPARE(replaced.error().code, ErrorCode::DiskFull);
    QCOMPARE(readAll(m_spool.metaPath(SpoolFolder::Incoming, QStringLiteral("m1"))), before);
    QVERIFY(QDir(m_spool.tmpPath()).isEmpty());
}

void TestDiskFull::exportAndWrap()
{
    const QByteArray message = bigMessage();
    addIncoming(QStringLiteral("m1"), message);
    QVERIFY(failure(moveMessage(m_spool, SpoolFolder::Incoming, SpoolFolder::Failed,
                        QStringLiteral("m1"), MessageMetadata {}))
                .isEmpty());
    const SpoolBrowser browser(m_spool);
    const QString exported = m_fs->path() + QStringLiteral("/exported.eml");
    for (qint64 leave : {qint64(0), qint64(64 * 1024)}) {
        QCOMPARE(m_fs->fill(leave), QString());
        QVERIFY(
            !browser.exportMessage(SpoolFolder::Failed, QStringLiteral("m1"), exported).isEmpty());
        QVERIFY2(!QFile::exists(exported), "a partial export is not left behind");
        QVERIFY(!browser
                     .wrapForUndeliverable(SpoolFolder::Failed, QStringLiteral("m1"),
                         QStringLiteral("postmaster@office.example"))
                     .isEmpty());
        QCOMPARE(placesOf(m_spool, QStringLiteral("m1"), message),
            QStringList {Spool::folderName(SpoolFolder::Failed)});
        QVERIFY(QDir(m_spool.folderPath(SpoolFolder::PickUp)).isEmpty());
    }
    m_fs->release();
    QCOMPARE(browser.exportMessage(SpoolFolder::Failed, QStringLiteral("m1"), exported), QString());
    QCOMPARE(readAll(exported), message);
    QCOMPARE(QFile::permissions(exported),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
            | QFileDevice::WriteUser);
}

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_diskfull.moc"
