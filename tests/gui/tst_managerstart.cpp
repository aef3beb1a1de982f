// "Start connector" in the manager, for real: with no service running, the button starts the
// pop3connectord that stands beside the manager, on the manager's configuration, as a process of
// its own that goes on when the manager closes; the manager then talks to it.
#include "language.h"
#include "mainwindow.h"
#include "prompter.h"
#include "servicecontroller.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace Pop3Connector;

namespace {

class RecordingPrompter : public Prompter
{
public:
    QStringList said;
    void inform(QWidget *, const QString &, const QString &text) override { said.append(text); }
    void warn(QWidget *, const QString &, const QString &text) override { said.append(text); }
};

QByteArray procFile(qint64 pid, const char *what)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(what)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestManagerStart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startConnectorRunsTheServiceOnItsOwn();
};

void TestManagerStart::startConnectorRunsTheServiceOnItsOwn()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("pop3connector.ini"));
    QFile f(ini);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[connector]\nspool = spool\nschedule_enabled = false\npassword_store = files\n"
            "control_socket = run/control\n\n[delivery]\ntransport = pickup\n");
    f.close();
    QVERIFY2(
        QFileInfo(
            QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("pop3connectord")))
            .isExecutable(),
        "the build puts pop3connectord beside the test, as the package puts it beside the manager");

    RecordingPrompter prompter;
    Language language;
    language.apply(QStringLiteral("en"));
    qint64 pid = 0;
    {
        ServiceController service(ini);
        MainWindow window(&service, &prompter, &language);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        service.connectToService();
        QTest::qWait(500);
        QVERIFY(!service.isRunning()); // nothing answers yet

        auto *start = window.findChild<QPushButton *>(QStringLiteral("startServiceButton"));
        QVERIFY(start);
        QVERIFY(start->isVisible());
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(service.isRunning(), 20000);
        QVERIFY2(prompter.said.isEmpty(), qPrintable(prompter.said.join(u'\n')));
        pid = service.serviceInfo().pid;
        QVERIFY(pid > 0);
        // The service of this configuration, and not a child of the manager.
        const QByteArray cmdline = procFile(pid, "cmdline");
        QVERIFY2(cmdline.contains("pop3connectord") && cmdline.contains(ini.toUtf8()),
            cmdline.constData());
        const QList<QByteArray> stat = procFile(pid, "stat").split(' ');
        QVERIFY(stat.size() > 3);
        QVERIFY(stat[3].toLongLong() != ::getpid());
        QTRY_VERIFY(!start->isVisible()); // running: nothing to start
    }
    // The manager is gone; the service goes on until it is told to stop.
    QTest::qWait(300);
    QVERIFY2(!procFile(pid, "cmdline").isEmpty(), "the service ended with the manager");
    QCOMPARE(::kill(pid_t(pid), SIGTERM), 0);
    QTRY_VERIFY_WITH_TIMEOUT(procFile(pid, "cmdline").isEmpty(), 30000);
}

QTEST_MAIN(TestManagerStart)
#include "tst_managerstart.moc"
