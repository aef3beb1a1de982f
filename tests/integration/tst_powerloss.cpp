// Power loss at every point of a real run, proven rather than assumed. A connector downloads a
// corpus from Dovecot, routes it and delivers it to Dovecot's LMTP while every file-system
// operation and every promise to the outside world (a QUIT that deleted mail on the server, a
// message the local server accepted) is recorded in order. For each point of that recording,
// CrashSimulator builds the states a power cut may leave on disk (two models, see its header),
// the connector starts on each (startup recovery), and the invariants are checked:
// - every message the server was told to delete is in the spool, whole, exactly once, or was
//   delivered;
// - nothing the local server accepted is delivered again, except in SMTP's own window: the
//   message's removal from PickUp had not reached the disk;
// - the ledger never claims a message the spool lost (the next cycle would delete it from the
//   server unread), nor forgets one the spool holds (it would be downloaded twice).
// A batch of new files is made durable by one syncfs() or by an fdatasync of each file and a
// sync of their folder (DurableFs::syncFiles, chosen per batch): P3C_POWERLOSS_SYNC=each-file
// proves the second (ctest runs both), the default the first.
// P3C_POWERLOSS_MESSAGES sets the corpus size (default 24); scripts/powerloss.sh runs it longer.
#include "corpus.h"
#include "crashsimulator.h"
#include "dovecotfixture.h"
#include "memorysecretstore.h"
#include "operationrecorder.h"
#include "service/connector.h"
#include "spool/pickupenvelope.h"
#include "spool/uidledger.h"
#include "spoolcheck.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Pop3Connector;
using Acknowledgement = DurableFs::Acknowledgement;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestPowerLoss : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void orderedMetadata();
    void unorderedMetadata();

private:
    Configuration configuration(const QString &spool) const;
    // The violations of one crash state, after startup recovery ran on it.
    QStringList check(const CrashSimulator::CrashState &state, const QString &spool);
    void explore(CrashSimulator::Model model, int randomSubsets);

    DovecotFixture m_dovecot;
    QTemporaryDir m_dir;
    QString m_recordedSpool;
    std::unique_ptr<CrashSimulator> m_simulator;
    MemorySecretStore m_secrets;
    // What the recording says of each downloaded message, by spool name.
    QHash<QString, QByteArray> m_original; // each message, without its sidecar
    QHash<QString, QByteArray> m_uid;
    QHash<QString, QByteArray> m_written; // each file as the download wrote it
    QHash<QString, int> m_deletedAt; // index of the QUIT that deleted it on the server
    QHash<QString, int> m_acceptedAt; // index of the local server's acceptance
    int m_windowDuplicates = 0;
};

Configuration TestPowerLoss::configuration(const QString &spool) const
{
    Configuration c;
    c.connector.spool = spool;
    c.connector.logLevel = LogLevel::Minimum;
    c.connector.timeoutSeconds = 30;
    MailboxSettings box;
    box.name = QStringLiteral("box");
    box.host = QStringLiteral("127.0.0.1");
    box.port = m_dovecot.pop3Port();
    box.security = Pop3Security::None;
    box.user = QStringLiteral("box");
    box.passwordFile = m_dir.filePath(QStringLiteral("pw"));
    box.localMailbox = QStringLiteral("alice@office.example");
    c.mailboxes = {box};
    c.delivery.transport = Transport::Lmtp;
    c.delivery.host = QStringLiteral("127.0.0.1");
    c.delivery.port = m_dovecot.lmtpPort();
    return c;
}

void TestPowerLoss::initTestCase()
{
    QVERIFY2(m_dovecot
                 .start({{QStringLiteral("box"), QStringLiteral("pw")},
                     {QStringLiteral("alice"), QStringLiteral("x")}})
                 .isEmpty(),
        "Dovecot did not start");
    QFile pw(m_dir.filePath(QStringLiteral("pw")));
    QVERIFY(pw.open(QIODevice::WriteOnly));
    pw.write("pw\n");
    pw.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    pw.close();

    CorpusOptions o;
    o.count = qEnvironmentVariableIntValue("P3C_POWERLOSS_MESSAGES");
    if (o.count <= 0)
        o.count = 24;
    o.seed = 4242;
    o.maxBytes = 24'000;
    const QList<QByteArray> corpus = makeCorpus(o);
    QCOMPARE(m_dovecot.addMessages(QStringLiteral("box"), corpus), QString());

    const bool eachFile = qEnvironmentVariable("P3C_POWERLOSS_SYNC") == u"each-file";
    setSyncStrategy(eachFile ? SyncStrategy::EachFile : SyncStrategy::FileSystem);

    // The recorded run: all three stages, one cycle.
    m_recordedSpool = m_dir.filePath(QStringLiteral("recorded"));
    QList<DurableFs::Operation> operations;
    {
        OperationRecorder recorder;
        Connector connector(configuration(m_recordedSpool), &m_secrets);
        QCOMPARE(connector.start(), QString());
        QSignalSpy finished(&connector, &Connector::cycleFinished);
        connector.runCycle();
        QVERIFY(finished.wait(120000));
        const CycleReport report = finished.first().first().value<CycleReport>();
        QVERIFY(report.problems().isEmpty());
        QCOMPARE(report.dispatch->delivered, corpus.size());
        operations = recorder.log();
    }
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("box")), 0);
    m_simulator = std::make_unique<CrashSimulator>(m_recordedSpool, operations);
    // The strategy proven is the one recorded.
    const auto count = [this](DurableFs::Operation::Kind kind) {
        return std::count_if(m_simulator->operations().cbegin(), m_simulator->operations().cend(),
            [kind](const DurableFs::Operation &op) { return op.kind == kind; });
    };
    if (eachFile) {
        QCOMPARE(count(DurableFs::Operation::Kind::SyncFileSystem), 0);
        QVERIFY(count(DurableFs::Operation::Kind::SyncDirectory) > 0);
    } else {
        QVERIFY(count(DurableFs::Operation::Kind::SyncFileSystem) >= 2);
    }

    const QString tmp = QDir::cleanPath(m_recordedSpool) + QStringLiteral("/tmp/");
    for (const DurableFs::Operation &op : m_simulator->operations()) {
        if (op.kind == DurableFs::Operation::Kind::Open && op.path.startsWith(tmp)
            && op.path.endsWith(QStringLiteral(".eml"))) {
            const QString name = op.path.mid(tmp.size()).chopped(4);
            // The sidecar is at the top of the file, or beside it (a server without UIDL).
            const QByteArray written = *m_simulator->writtenTo(op.path);
            std::optional<MessageMetadata> meta = MessageMetadata::parseHead(written);
            if (!meta) {
                meta = MessageMetadata::parse(
                    m_simulator->writtenTo(tmp + Spool::metaName(name)).value_or(QByteArray()));
            }
            m_written.insert(name, written);
            m_original.insert(name, written.mid(meta ? meta->messageOffset : 0));
            m_uid.insert(name, meta ? meta->uid : QByteArray());
        }
    }
    QCOMPARE(m_original.size(), corpus.size());
    for (int i : m_simulator->acknowledgements(Acknowledgement::ServerDeleted)) {
        for (const QString &item : m_simulator->operations()[i].items)
            m_deletedAt.insert(item.section(u' ', 1), i);
    }
    for (int i : m_simulator->acknowledgements(Acknowledgement::LocalServerAccepted))
        m_acceptedAt.insert(m_simulator->operations()[i].path, i);
    QCOMPARE(m_deletedAt.size(), corpus.size());
    QCOMPARE(m_acceptedAt.size(), corpus.size());
    if (qEnvironmentVariableIsSet("P3C_POWERLOSS_DUMP")) {
        int i = 0;
        for (const DurableFs::Operation &op : m_simulator->operations()) {
            if (op.path.contains(qEnvironmentVariable("P3C_POWERLOSS_DUMP")))
                qInfo("%d: kind %d file %llu %s -> %s size %lld data %lld", i, int(op.kind),
                    op.file, qPrintable(op.path.mid(m_recordedSpool.size())),
                    qPrintable(op.target.mid(m_recordedSpool.size())), op.size,
                    qint64(op.data.size()));
            ++i;
        }
    }
    qInfo("recorded %d operations for %d messages", int(m_simulator->operations().size()),
        int(corpus.size()));
}

QStringList TestPowerLoss::check(const CrashSimulator::CrashState &state, const QString &spool)
{
    QStringList violations;
    // Accepted by the local server, and still in PickUp on the disk the crash left: SMTP's own
    // window, the only place a second delivery may come from.
    QSet<QString> inWindow;
    for (auto it = m_acceptedAt.cbegin(); it != m_acceptedAt.cend(); ++it) {
        if (it.value() < state.point
            && QFile::exists(spool + QStringLiteral("/PickUp/") + Spool::emlName(it.key())))
            inWindow.insert(it.key());
    }
    {
        Connector connector(configuration(spool), &m_secrets);
        if (const QString error = connector.start(); !error.isEmpty())
            return {QStringLiteral("startup failed: ") + error};
    }
    UidLedger ledger(spool + QStringLiteral("/state/ledgers/box.ledger"));
    if (Status opened = ledger.open(QStringLiteral("127.0.0.1 box")); !opened)
        return {QStringLiteral("ledger: ") + opened.error().message};

    const Spool s(spool);
    for (SpoolFolder folder : Spool::folders()) {
        for (const QString &eml : QDir(s.folderPath(folder)).entryList({QStringLiteral("*.eml")})) {
            if (!m_original.contains(eml.chopped(4)))
                violations.append(Spool::folderName(folder) + u'/' + eml
                    + QStringLiteral(" is not a message of the run"));
        }
    }
    for (auto it = m_original.cbegin(); it != m_original.cend(); ++it) {
        const QString &name = it.key();
        QStringList places;
        for (SpoolFolder folder : Spool::folders()) {
            const QString path = s.messagePath(folder, name);
            if (!QFile::exists(path))
                continue;
            const bool enveloped = folder == SpoolFolder::PickUp || folder == SpoolFolder::BadMail;
            // After the sidecar at the top of a PickUp or BadMail file, if it has one.
            const QByteArray bytes =
                enveloped ? readSpooledMessage(s.folderPath(folder), name).bytes : readAll(path);
            const bool whole = enveloped
                ? (PickupEnvelope::parse(bytes).has_value() && bytes.endsWith(it.value()))
                : bytes == m_written.value(name);
            if (!whole)
                violations.append(QStringLiteral("%1 in %2 is not whole (%3 bytes)")
                                      .arg(name, Spool::folderName(folder))
                                      .arg(bytes.size()));
            places.append(Spool::folderName(folder));
        }
        if (places.size() > 1)
            violations.append(
                name + QStringLiteral(" is in ") + places.join(QStringLiteral(" and ")));
        const bool deleted = m_deletedAt.value(name, INT_MAX) < state.point;
        const bool accepted = m_acceptedAt.value(name, INT_MAX) < state.point;
        if (accepted) {
            if (places.contains(Spool::folderName(SpoolFolder::Incoming)))
                violations.append(
                    name + QStringLiteral(" was delivered and would be routed again"));
            if (places.contains(Spool::folderName(SpoolFolder::PickUp))) {
                if (inWindow.contains(name))
                    ++m_windowDuplicates;
                else
                    violations.append(
                        name + QStringLiteral(" was delivered and is back in PickUp"));
            }
        } else if (deleted && places.isEmpty()) {
            violations.append(name + QStringLiteral(" was deleted on the server and is lost"));
        }
        if (!deleted) {
            const std::optional<UidLedger::Entry> e = ledger.find(m_uid.value(name));
            const bool ledgered = e && e->spoolName == name;
            if (ledgered && places.isEmpty() && !accepted)
                violations.append(name
                    + QStringLiteral(" is in the ledger but not in the spool: "
                                     "the next cycle would delete it unread"));
            if (!ledgered && (!places.isEmpty() || accepted))
                violations.append(name
                    + QStringLiteral(" is stored but not in the ledger: it would "
                                     "be downloaded twice"));
        }
    }
    return violations;
}

void TestPowerLoss::explore(CrashSimulator::Model model, int randomSubsets)
{
    // States on a memory file system where there is one: recovery syncs folders, and thousands
    // of them should cost microseconds, not a disk's flushes.
    const QString base = QDir(QStringLiteral("/dev/shm")).exists()
        ? QStringLiteral("/dev/shm/p3c-powerloss-XXXXXX")
        : QString();
    std::unique_ptr<QTemporaryDir> scratch =
        base.isEmpty() ? std::make_unique<QTemporaryDir>() : std::make_unique<QTemporaryDir>(base);
    QVERIFY(scratch->isValid());
    const QList<CrashSimulator::CrashState> states = m_simulator->states(model, randomSubsets, 7);
    QElapsedTimer clock;
    clock.start();
    m_windowDuplicates = 0;
    QStringList failures;
    int n = 0;
    for (const CrashSimulator::CrashState &state : states) {
        const QString spool = scratch->filePath(QStringLiteral("s%1").arg(n++));
        QCOMPARE(m_simulator->materialize(state, spool), QString());
        const QStringList violations = check(state, spool);
        if (!violations.isEmpty() && failures.isEmpty()
            && qEnvironmentVariableIsSet("P3C_POWERLOSS_KEEP"))
            QProcess::execute(QStringLiteral("cp"),
                {QStringLiteral("-a"), spool,
                    qEnvironmentVariable("P3C_POWERLOSS_KEEP") + QStringLiteral("-after")});
        QDir(spool).removeRecursively();
        // P3C_POWERLOSS_KEEP=DIR keeps the first failing state as the crash left it, to look at.
        if (!violations.isEmpty() && failures.isEmpty()
            && qEnvironmentVariableIsSet("P3C_POWERLOSS_KEEP")) {
            QCOMPARE(m_simulator->materialize(state, qEnvironmentVariable("P3C_POWERLOSS_KEEP")),
                QString());
        }
        if (!violations.isEmpty() && failures.size() < 20) {
            const DurableFs::Operation &at = state.point < m_simulator->operations().size()
                ? m_simulator->operations()[state.point]
                : DurableFs::Operation {};
            QStringList lost;
            for (int i : state.dropped) {
                const DurableFs::Operation &op = m_simulator->operations()[i];
                lost.append(QStringLiteral("%1:%2 %3")
                                .arg(i)
                                .arg(int(op.kind))
                                .arg(op.path.mid(m_recordedSpool.size())));
            }
            failures.append(
                QStringLiteral("crash before operation %1 (%2 %3), %4, dropped [%5]: %6")
                    .arg(state.point)
                    .arg(int(at.kind))
                    .arg(at.path.mid(m_recordedSpool.size()), state.label)
                    .arg(lost.mid(0, 4).join(QStringLiteral(", ")))
                    .arg(violations.mid(0, 3).join(QStringLiteral("; "))));
        }
    }
    qInfo("%d crash states in %lld ms; %d redeliveries, all in SMTP's window", int(states.size()),
        clock.elapsed(), m_windowDuplicates);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
}

void TestPowerLoss::orderedMetadata()
{
    explore(CrashSimulator::Model::OrderedMetadata, 0);
}

void TestPowerLoss::unorderedMetadata()
{
    explore(CrashSimulator::Model::UnorderedMetadata, 4);
}

QTEST_GUILESS_MAIN(TestPowerLoss)
#include "tst_powerloss.moc"
