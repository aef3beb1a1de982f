// kill -9 of pop3connectord at many points of runs against a real Dovecot, then a clean run.
// A kill point is a stage and a message count: the daemon is killed once that stage has handled
// that many messages of the run (download: stored in Incoming Mail; transfer: taken from it;
// dispatch: taken from PickUp), give or take a few milliseconds, so the kills are spread over
// every stage however long each one takes. CI: 12 kill points for download alone, 30 over all
// three stages (10 in each), 9 more with a nearly full disk; P3C_CRASH_ITERATIONS=N sets N for
// each (scripts/soak.sh).
// Download only: every message in Incoming Mail exactly once, byte for byte, the server empty.
// All three stages (LMTP into Dovecot): every message in the local mailbox, byte for byte, none
// lost, the spool empty; a second copy only where SMTP itself allows one (delivered, killed
// before the reply was read), so at most one per kill during dispatch and delivery connection.
// The same once more with the spool on a small file system that is filled to within a few
// hundred KB before every run, so that writes fail mid-run as well; then the disk is freed.
#include "childprocess.h"
#include "config/configuration.h"
#include "corpus.h"
#include "dovecotfixture.h"
#include "spoolcheck.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace {

enum class KillStage { Download, Transfer, Dispatch };
constexpr int kStageCount = 3;
const char *const kStageNames[kStageCount] = {"download", "transfer", "dispatch"};

// Messages (.eml) in a spool folder right now.
int emlCount(const QString &folder)
{
    return int(QDir(folder).entryList({QStringLiteral("*.eml")}, QDir::Files).size());
}

// Kills the daemon and waits until it is gone: reaped, its pid no longer in use, so the next
// run never finds the spool lock held by a process that still looks alive (QLockFile takes a
// zombie for a live owner). Returns an empty string or the problem.
QString killAndWait(ChildProcess &daemon)
{
    const qint64 pid = daemon.processId();
    daemon.kill(); // SIGKILL: no handler, no cleanup
    // A process in an uninterruptible write (fsync on a busy disk) ends only when the write does.
    if (!daemon.waitForFinished(120000))
        return QStringLiteral("pop3connectord (pid %1) did not end within 120 s of SIGKILL")
            .arg(pid);
    for (int i = 0; i < 200 && ::kill(pid_t(pid), 0) == 0; ++i)
        QThread::msleep(50);
    if (::kill(pid_t(pid), 0) == 0 || errno != ESRCH)
        return QStringLiteral("pid %1 still exists after pop3connectord was reaped").arg(pid);
    return {};
}

} // namespace

class TestCrash : public QObject
{
    Q_OBJECT
public:
    ~TestCrash() override;

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void downloadStage();
    void allThreeStages();
    void allThreeStagesOnNearlyFullDisk();

private:
    struct KillReport
    {
        int runs = 0;
        int killed[kStageCount] = {};
        int storageFailures = 0; // runs that reported a failed write (event 12024 or 1046)
        int killedAtRandom = 0; // kills after a random time, wherever the run was
        // Kills aimed at a stage while PickUp held mail: delivery runs beside download and
        // transfer, so any of them may have come during dispatch.
        int killedWhileDelivering = 0;
        int totalKilled() const { return killed[0] + killed[1] + killed[2] + killedAtRandom; }
        QString text() const;
    };
    // A configuration of its own for each test function.
    struct Setup
    {
        QString ini;
        QString spool;
    };
    struct KillSetup
    {
        Setup run;
        QList<KillStage> stages; // the kill points go round these
        int kills = 0; // kill points wanted, spread evenly over `stages`
        // Before each run: leave up to twice this much space free on the spool's file system (0:
        // no filling); runs may then end with errors, but never find the spool in use.
        qint64 freeBytes = 0;
        // Kill points lie between 0 and this many messages handled by their stage.
        int mostHandled = 120;
        // Instead: kill each run after a random time up to this many milliseconds (a nearly
        // full disk stops stages after a few messages, so counting them finds no kill point).
        int killWithinMs = 0;
        // The size mix of each batch: up to this size, and every fourth batch a 3 MB message.
        qint64 largestMessage = 400'000;
        bool bigMessages = true;
    };
    // Adds a batch of mail for every run and kills the daemon at a kill point, until each of
    // the setup's stages has had its share of kills. Every message added is appended to `added`.
    // Returns an empty string or what went wrong.
    QString killRuns(const KillSetup &setup, QList<QByteArray> &added, KillReport &report);
    // Grows or shrinks the filler so that about `freeBytes` stay free on the small file system.
    QString fill(qint64 freeBytes);
    // SPOOL: absolute, or empty for one next to the configuration.
    Setup config(const QString &spool, const QString &extra) const;
    QString deliveryConfig() const;
    enum class Disk { Roomy, WasFull };
    // A clean run of all three stages, then every message in alice's mailbox exactly once, byte
    // for byte; a second copy only in SMTP's own window of a kill during dispatch.
    void checkAllDelivered(
        const Setup &run, const QList<QByteArray> &everything, const KillReport &report, Disk disk);
    // Kill points for a test function: CI's default, or P3C_CRASH_ITERATIONS.
    int kills(int ciDefault) const { return m_kills > 0 ? m_kills : ciDefault; }

    DovecotFixture m_dovecot;
    QTemporaryDir m_dir;
    int m_kills = 0;
    quint64 m_seed = 1000;
    std::mt19937 m_rng {20261127};
    QString m_mount;
    QString m_filler;
};

TestCrash::~TestCrash()
{
    cleanup();
}

QString TestCrash::KillReport::text() const
{
    return QStringLiteral("%1 runs, %2 killed (download %3, transfer %4, dispatch %5, at random "
                          "%6)")
        .arg(runs)
        .arg(totalKilled())
        .arg(killed[0])
        .arg(killed[1])
        .arg(killed[2])
        .arg(killedAtRandom);
}

void TestCrash::initTestCase()
{
    const QString error = m_dovecot.start({{QStringLiteral("crash"), QStringLiteral("pw")},
        {QStringLiteral("alice"), QStringLiteral("x")}});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_kills = qEnvironmentVariableIntValue("P3C_CRASH_ITERATIONS");
    QFile f(m_dir.filePath(QStringLiteral("pw")));
    f.open(QIODevice::WriteOnly);
    f.write("pw\n");
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestCrash::cleanup()
{
    if (m_mount.isEmpty())
        return;
    // The daemons of the test have ended; nothing holds the file system any more.
    if (::umount2(QFile::encodeName(m_mount).constData(), 0) != 0)
        qWarning("cannot unmount %s: %s", qPrintable(m_mount), strerror(errno));
    m_mount.clear();
    m_filler.clear();
}

TestCrash::Setup TestCrash::config(const QString &spool, const QString &extra) const
{
    static int n = 0;
    const QString dir = m_dir.filePath(QStringLiteral("run%1").arg(++n));
    QDir().mkpath(dir);
    const Setup run {
        dir + QStringLiteral("/c.ini"), spool.isEmpty() ? dir + QStringLiteral("/spool") : spool};
    QFile c(run.ini);
    c.open(QIODevice::WriteOnly);
    c.write(QStringLiteral(
        "[connector]\nspool = %4\nlog_level = minimum\n%3\n[mailbox.crash]\nhost = 127.0.0.1\n"
        "port = %1\nsecurity = none\nuser = crash\npassword_file = %2\n"
        "local_mailbox = alice@office.example\n")
                .arg(m_dovecot.pop3Port())
                .arg(m_dir.filePath(QStringLiteral("pw")), extra, run.spool)
                .toUtf8());
    return run;
}

QString TestCrash::deliveryConfig() const
{
    return QStringLiteral("[delivery]\ntransport = lmtp\nhost = 127.0.0.1\nport = %1\n")
        .arg(m_dovecot.lmtpPort());
}

QString TestCrash::fill(qint64 freeBytes)
{
    struct statvfs fs = {};
    if (::statvfs(QFile::encodeName(m_mount).constData(), &fs) != 0)
        return QStringLiteral("statvfs %1 failed").arg(m_mount);
    const qint64 available = qint64(fs.f_bavail) * qint64(fs.f_frsize);
    QFile filler(m_filler);
    if (!filler.open(QIODevice::ReadWrite))
        return QStringLiteral("cannot open ") + m_filler;
    const qint64 size = std::max<qint64>(0, filler.size() + available - freeBytes);
    // tmpfs allocates on write or fallocate, never on truncate alone.
    if (size < filler.size() ? !filler.resize(size)
                             : ::posix_fallocate(filler.handle(), 0, size) != 0)
        return QStringLiteral("cannot make %1 %2 bytes long").arg(m_filler).arg(size);
    return {};
}

QString TestCrash::killRuns(const KillSetup &setup, QList<QByteArray> &added, KillReport &report)
{
    const QString incoming = setup.run.spool + QStringLiteral("/Incoming Mail");
    const QString pickup = setup.run.spool + QStringLiteral("/PickUp");
    const QStringList stageArgument = [&] {
        QStringList names;
        for (KillStage s : setup.stages)
            names.append(QLatin1String(kStageNames[int(s)]));
        return names;
    }();
    const int perStage = (setup.kills + int(setup.stages.size()) - 1) / int(setup.stages.size());
    const auto done = [&] {
        if (setup.killWithinMs > 0)
            return report.killedAtRandom >= setup.kills;
        return std::all_of(setup.stages.cbegin(), setup.stages.cend(),
            [&](KillStage s) { return report.killed[int(s)] >= perStage; });
    };
    constexpr int kBatch = 120;
    // A run that misses its kill point (the stage ended first) is a clean run; a few are fine.
    for (int i = 0; !done(); ++i) {
        if (i >= 2 * setup.kills + 10)
            return QStringLiteral("too many runs missed their kill point: ") + report.text();
        CorpusOptions o;
        o.count = kBatch;
        o.seed = ++m_seed;
        o.maxBytes = setup.largestMessage;
        o.bigMessageBytes = setup.bigMessages && i % 4 == 0 ? 3'000'000 : 0;
        const QList<QByteArray> batch = makeCorpus(o);
        if (const QString e = m_dovecot.addMessages(QStringLiteral("crash"), batch); !e.isEmpty())
            return e;
        added += batch;
        if (setup.freeBytes > 0) {
            const qint64 free =
                std::uniform_int_distribution<qint64>(0, 2 * setup.freeBytes)(m_rng);
            if (const QString e = fill(free); !e.isEmpty())
                return e;
        }

        // The kill point: the stage, and how many messages it has handled in this run.
        KillStage target = setup.stages[i % setup.stages.size()];
        if (report.killed[int(target)] >= perStage) {
            for (KillStage s : setup.stages) {
                if (report.killed[int(s)] < perStage)
                    target = s;
            }
        }
        const int handled = std::uniform_int_distribution<int>(0, setup.mostHandled - 1)(m_rng);
        const int lateMicroseconds = std::uniform_int_distribution<int>(0, 3000)(m_rng);

        ChildProcess daemon;
        daemon.start(QStringLiteral(P3C_DAEMON),
            QStringList {QStringLiteral("--config"), setup.run.ini, QStringLiteral("--once"),
                QStringLiteral("--stages"), stageArgument.join(u',')});
        if (!daemon.waitForStarted(10000))
            return QStringLiteral("cannot start pop3connectord: ") + daemon.errorString();
        ++report.runs;
        const int incomingAtStart = emlCount(incoming);
        int incomingMost = incomingAtStart;
        int pickupMost = emlCount(pickup);
        bool killed = false;
        if (setup.killWithinMs > 0) {
            const int delay = std::uniform_int_distribution<int>(0, setup.killWithinMs)(m_rng);
            if (!daemon.waitForFinished(delay)) {
                if (const QString e = killAndWait(daemon); !e.isEmpty())
                    return e;
                ++report.killedAtRandom;
                killed = true;
            }
        }
        QElapsedTimer clock;
        clock.start();
        while (!killed && daemon.state() != QProcess::NotRunning && clock.elapsed() < 300000) {
            // Download adds to Incoming Mail, transfer takes from it into PickUp, dispatch takes
            // from PickUp: side by side, each as soon as the one before has given it mail.
            const int in = emlCount(incoming);
            const int up = emlCount(pickup);
            incomingMost = std::max(incomingMost, in);
            pickupMost = std::max(pickupMost, up);
            bool reached = false;
            switch (target) {
            case KillStage::Download:
                reached = in - incomingAtStart >= handled;
                break;
            case KillStage::Transfer:
                reached = incomingMost - in > handled;
                break;
            case KillStage::Dispatch:
                reached = pickupMost - up > handled;
                break;
            }
            if (reached) {
                QThread::usleep(lateMicroseconds);
                if (daemon.state() == QProcess::NotRunning)
                    break;
                const bool delivering = up > 0 || pickupMost > up;
                if (const QString e = killAndWait(daemon); !e.isEmpty())
                    return e;
                ++report.killed[int(target)];
                report.killedWhileDelivering += delivering;
                killed = true;
                break;
            }
            daemon.waitForFinished(2);
        }
        if (!killed && daemon.state() != QProcess::NotRunning)
            return QStringLiteral("a run did not end within 300 s");
        const QString err = QString::fromUtf8(daemon.readAllStandardError());
        if (err.contains(QStringLiteral(" 12024 ")) || err.contains(QStringLiteral(" 1046 ")))
            ++report.storageFailures;
        if (killed)
            continue;
        // Every kill above waited for the daemon's end: the next run must find the spool free.
        if (err.contains(QStringLiteral(" 1002 ")))
            return QStringLiteral("a run found the spool in use after a kill:\n") + err;
        if (daemon.exitStatus() != QProcess::NormalExit
            || (daemon.exitCode() != 0 && setup.freeBytes == 0))
            return QStringLiteral("a run that was not killed failed (exit status %1):\n%2")
                .arg(daemon.exitCode())
                .arg(err);
    }
    return {};
}

void TestCrash::downloadStage()
{
    const Setup run = config({}, {});
    QList<QByteArray> everything;
    KillReport report;
    const QString error = killRuns({run, {KillStage::Download}, kills(12)}, everything, report);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    ChildProcess last;
    last.start(QStringLiteral(P3C_DAEMON),
        {QStringLiteral("--config"), run.ini, QStringLiteral("--once"), QStringLiteral("--stages"),
            QStringLiteral("download")});
    QVERIFY(last.waitForFinished(120000));
    QVERIFY2(last.exitCode() == 0, last.readAllStandardError().constData());
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("crash")), 0);
    QCOMPARE(
        compareWithCorpus(run.spool + QStringLiteral("/Incoming Mail"), everything), QString());
    QVERIFY(QDir(run.spool + QStringLiteral("/tmp")).isEmpty());
    qInfo("download: %d messages, %s", int(everything.size()), qPrintable(report.text()));
}

void TestCrash::checkAllDelivered(
    const Setup &run, const QList<QByteArray> &everything, const KillReport &report, Disk disk)
{
    ChildProcess last;
    last.start(QStringLiteral(P3C_DAEMON),
        {QStringLiteral("--config"), run.ini, QStringLiteral("--once")});
    QVERIFY(last.waitForFinished(120000));
    const QByteArray lastErr = last.readAllStandardError();

    // Message-ID -> the copies in the local mailbox, without the fields added on the way.
    QHash<QByteArray, QList<QByteArray>> copies;
    for (const char *sub : {"/new", "/cur"}) {
        const QDir dir(m_dovecot.maildir(QStringLiteral("alice")) + QLatin1String(sub));
        for (const QString &f : dir.entryList(QDir::Files)) {
            QFile file(dir.filePath(f));
            file.open(QIODevice::ReadOnly);
            QString problem;
            const QByteArray m = withoutDeliveryTrace(file.readAll(), &problem);
            QVERIFY2(!m.isEmpty(), qPrintable(f + QStringLiteral(": ") + problem));
            copies[messageId(m)].append(m);
        }
    }

    // A full disk never places an empty or cut-short file where a stage takes it for mail: no
    // message reaches BadMail empty ("no pickup envelope") or is delivered cut short.
    const auto isCutShort = [disk](const QByteArray &copy, const QByteArray &m) {
        // The start of the message; dispatch ends the data with a line break of its own.
        return disk == Disk::WasFull && copy.size() < m.size()
            && m.startsWith(copy.endsWith('\n') ? copy.chopped(1) : copy);
    };
    int emptied = 0;
    int cutShort = 0;
    if (disk == Disk::WasFull) {
        for (const SpooledMessage &m : readSpoolFolder(run.spool + QStringLiteral("/BadMail")))
            emptied += m.bytes.isEmpty();
        for (const QByteArray &m : everything) {
            for (const QByteArray &copy : copies.value(messageId(m)))
                cutShort += isCutShort(copy, m);
        }
    }
    QCOMPARE(emptied + cutShort, 0);

    QVERIFY2(last.exitCode() == 0, lastErr.constData());
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("crash")), 0);
    for (const char *folder : {"Incoming Mail", "PickUp", "Failed Mail", "BadMail", "tmp"}) {
        const QDir dir(run.spool + u'/' + QLatin1String(folder));
        const QFileInfoList left = dir.entryInfoList(QDir::Files, QDir::Name);
        QString what =
            QStringLiteral("%1: %2 files left").arg(QLatin1String(folder)).arg(left.size());
        for (const QFileInfo &f : left.mid(0, 6))
            what += QStringLiteral("\n  %1 (%2 bytes)").arg(f.fileName()).arg(f.size());
        for (const SpooledMessage &m : readSpoolFolder(dir.path()).mid(0, 3)) {
            what += QStringLiteral("\n  %1: %2")
                        .arg(m.name, m.metadata.other.value(QStringLiteral("reason")));
        }
        QVERIFY2(left.isEmpty(), qPrintable(what));
    }

    int lost = 0;
    int duplicates = 0;
    for (const QByteArray &m : everything) {
        const QList<QByteArray> got = copies.value(messageId(m));
        lost += got.isEmpty();
        duplicates += std::max(0, int(got.size()) - 1);
        for (const QByteArray &copy : got) {
            QVERIFY2(copy == m,
                qPrintable(QStringLiteral("%1 was delivered with other bytes (%2 of %3)")
                               .arg(QString::fromLatin1(messageId(m)))
                               .arg(copy.size())
                               .arg(m.size())));
        }
    }
    QCOMPARE(lost, 0);
    QCOMPARE(copies.size(), everything.size());
    // Each delivery connection has at most one message between the end of its data and the
    // server's reply; a kill there is SMTP's own duplicate window. A kill while nothing is being
    // delivered must never cause a second delivery.
    const int connections = Pop3Connector::DeliverySettings {}.connections;
    // A kill at a random time may have come during dispatch, and so may a kill aimed at
    // download or transfer while PickUp held mail.
    const int dispatchKills = report.killedWhileDelivering + report.killedAtRandom;
    QVERIFY2(duplicates <= dispatchKills * connections,
        qPrintable(QStringLiteral("%1 duplicates for %2 kills during dispatch")
                       .arg(duplicates)
                       .arg(dispatchKills)));
    qInfo("%d messages: %d delivered, %d of them twice", int(everything.size()), int(copies.size()),
        duplicates);
}

void TestCrash::allThreeStages()
{
    m_dovecot.clearMailbox(QStringLiteral("alice"));
    const Setup run = config({}, deliveryConfig());
    QList<QByteArray> everything;
    KillReport report;
    const QString error =
        killRuns({run, {KillStage::Download, KillStage::Transfer, KillStage::Dispatch}, kills(30)},
            everything, report);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    qInfo("three stages: %s", qPrintable(report.text()));
    checkAllDelivered(run, everything, report, Disk::Roomy);
}

void TestCrash::allThreeStagesOnNearlyFullDisk()
{
    if (::geteuid() != 0)
        QSKIP("mounting a small file system for the spool needs root");
    m_dovecot.clearMailbox(QStringLiteral("alice"));
    m_mount = m_dir.filePath(QStringLiteral("small"));
    QDir().mkpath(m_mount);
    if (::mount("tmpfs", QFile::encodeName(m_mount).constData(), "tmpfs", 0, "size=160m") != 0) {
        const QString error =
            QStringLiteral("cannot mount a tmpfs: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        m_mount.clear();
        QFAIL(qPrintable(error));
    }
    m_filler = m_mount + QStringLiteral("/filler");
    const Setup run = config(m_mount + QStringLiteral("/spool"), deliveryConfig());
    QList<QByteArray> everything;
    KillReport report;
    // Up to 600 KB free before each run (300 KB on average), messages of up to 100 KB: a few
    // fit, then not; each run is killed after up to 300 ms, wherever it is. (A message larger
    // than the free space would stop every run at the head of the mailbox.)
    KillSetup setup {
        run, {KillStage::Download, KillStage::Transfer, KillStage::Dispatch}, kills(9)};
    setup.freeBytes = 300'000;
    setup.killWithinMs = 300;
    setup.largestMessage = 100'000;
    setup.bigMessages = false;
    const QString error = killRuns(setup, everything, report);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    qInfo("nearly full disk: %s; %d runs reported a failed write", qPrintable(report.text()),
        report.storageFailures);
    QVERIFY2(report.storageFailures > 0, "no write failed: the file system was not full enough");

    // With the room back, the last run must take everything: the file system is large enough for
    // every message of the runs twice over (Incoming Mail and PickUp) and the message journal.
    QVERIFY(QFile::remove(m_filler));
    checkAllDelivered(run, everything, report, Disk::WasFull);
}

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
