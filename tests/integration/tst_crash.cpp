// kill -9 of pop3connectord at many points of runs against a real Dovecot, then a clean run:
// every message must be in Incoming Mail exactly once, byte for byte, and the server empty.
#include "corpus.h"
#include "dovecotfixture.h"
#include "spoolcheck.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <random>

class TestCrash : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killAtManyPointsLosesAndDuplicatesNothing();
};

void TestCrash::killAtManyPointsLosesAndDuplicatesNothing()
{
    DovecotFixture dovecot;
    const QString error = dovecot.start({{QStringLiteral("crash"), QStringLiteral("pw")}});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QTemporaryDir dir;
    const QString pw = dir.filePath(QStringLiteral("pw"));
    QFile f(pw);
    f.open(QIODevice::WriteOnly);
    f.write("pw\n");
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.close();
    const QString ini = dir.filePath(QStringLiteral("c.ini"));
    QFile c(ini);
    c.open(QIODevice::WriteOnly);
    c.write(QStringLiteral(
        "[connector]\nspool = spool\nlog_level = minimum\n[mailbox.crash]\nhost = 127.0.0.1\n"
        "port = %1\nsecurity = none\nuser = crash\npassword_file = %2\n")
                .arg(dovecot.pop3Port())
                .arg(pw)
                .toUtf8());
    c.close();

    // Iterations add mail and kill the run after a random delay; the delays cover the whole
    // run, from start-up and login through retrieval, group commits and DELEs to QUIT.
    const int iterations = qEnvironmentVariableIntValue("P3C_CRASH_ITERATIONS") > 0
        ? qEnvironmentVariableIntValue("P3C_CRASH_ITERATIONS")
        : 16;
    std::mt19937 rng(20261127);
    QList<QByteArray> everything;
    int killed = 0;
    // The first two runs are not killed: they warm the caches and measure how long a run takes.
    qint64 runMs = 0;
    const int calibration = 2;
    for (int i = 0; i < iterations + calibration; ++i) {
        CorpusOptions o;
        o.count = 120;
        o.seed = 1000 + quint64(i);
        o.maxBytes = 400'000;
        o.bigMessageBytes = i % 4 == 0 ? 3'000'000 : 0;
        const QList<QByteArray> batch = makeCorpus(o);
        const QString added = dovecot.addMessages(QStringLiteral("crash"), batch);
        QVERIFY2(added.isEmpty(), qPrintable(added));
        everything += batch;

        const int delayMs = i < calibration
            ? 120000
            : std::uniform_int_distribution<int>(0, int(runMs * 11 / 10))(rng);
        QProcess daemon;
        QElapsedTimer clock;
        clock.start();
        daemon.start(QStringLiteral(P3C_DAEMON),
            {QStringLiteral("--config"), ini, QStringLiteral("--once")});
        QVERIFY(daemon.waitForStarted());
        if (!daemon.waitForFinished(delayMs)) {
            daemon.kill(); // SIGKILL: no handler, no cleanup
            QVERIFY(daemon.waitForFinished(10000));
            QCOMPARE(daemon.exitStatus(), QProcess::CrashExit);
            ++killed;
        } else {
            runMs = clock.elapsed();
        }
    }
    // The kills must really have interrupted runs, or this proves nothing.
    QVERIFY2(
        killed >= iterations / 2, qPrintable(QStringLiteral("only %1 runs killed").arg(killed)));

    QProcess last;
    last.start(
        QStringLiteral(P3C_DAEMON), {QStringLiteral("--config"), ini, QStringLiteral("--once")});
    QVERIFY(last.waitForFinished(120000));
    QVERIFY2(last.exitCode() == 0, last.readAllStandardError().constData());
    QCOMPARE(dovecot.messageCount(QStringLiteral("crash")), 0);
    QCOMPARE(compareWithCorpus(dir.filePath(QStringLiteral("spool/Incoming Mail")), everything),
        QString());
    QVERIFY(QDir(dir.filePath(QStringLiteral("spool/tmp"))).isEmpty());
    qInfo("%d messages, %d of %d runs killed", int(everything.size()), killed, iterations);
}

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
