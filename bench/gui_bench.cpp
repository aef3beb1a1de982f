// p3c-gui-bench: the manager's responsiveness, measured (not a test).
//   p3c-gui-bench spool N            open the Spool tab on N messages in Incoming Mail
//   p3c-gui-bench retrieve INI       run a cycle from the manager and watch the UI thread
//   p3c-gui-bench cycles INI N CMD   N cycles, each after `CMD <cycle>` (which fills the mailbox),
//                                    with the Spool tab open on PickUp (P3C_BENCH_TAB=schedule:
//                                    the Schedule tab), the UI thread watched
// Each starts pop3connectord on its configuration and drives it from the manager, as a person
// would.
// Prints "name value" lines. The UI-thread stall is the longest gap between ticks of a 5 ms
// timer on the UI thread: what a person would feel as a frozen window.
#include "config/secretstore.h"
#include "language.h"
#include "mailboxestab.h"
#include "mainwindow.h"
#include "prompter.h"
#include "scheduletab.h"
#include "servicecontroller.h"
#include "spool/messagemetadata.h"
#include "spool/spool.h"
#include "spoolmodel.h"
#include "spooltab.h"
#include "troubleshootingtab.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QListWidget>
#include <QProcess>
#include <QScopeGuard>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <unistd.h>

using namespace Pop3Connector;

namespace {

// The longest gap between ticks of a 5 ms timer on the thread it lives on. On the UI thread,
// what a person would feel as a frozen window; on a thread that does nothing else, what the
// machine itself (its load, the scheduler) costs any thread of the process.
// The longest lateness of a 5 ms timer on a thread, and what its thread did meanwhile (from
// /proc/thread-self/schedstat): ran (its own work), waited on a run queue for a CPU (the
// machine's load), or neither (blocked: I/O, a lock, a page fault).
class StallMeter : public QObject
{
public:
    explicit StallMeter(QThread *thread = nullptr)
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const Sched now = sched();
            if (m_reset.exchange(false))
                m_clock.invalidate();
            if (m_clock.isValid() && m_clock.elapsed() - 5 > m_longest) {
                m_longest = m_clock.elapsed() - 5;
                m_ran = (now.ranNs - m_last.ranNs) / 1000000;
                m_waited = (now.waitedNs - m_last.waitedNs) / 1000000;
                m_stolen = (now.stolenTicks - m_last.stolenTicks) * 1000 / sysconf(_SC_CLK_TCK);
            }
            m_clock.start();
            m_last = now;
        });
        if (thread)
            moveToThread(thread);
        QMetaObject::invokeMethod(&m_timer, qOverload<>(&QTimer::start));
    }
    qint64 longest() const { return m_longest; }
    // During the longest stall: ms the thread ran, and ms it waited for a CPU.
    qint64 ran() const { return m_ran; }
    qint64 waited() const { return m_waited; }
    // ms the hypervisor gave the machine's CPUs to others meanwhile (all CPUs together).
    qint64 stolen() const { return m_stolen; }
    void reset()
    {
        m_longest = 0;
        m_ran = 0;
        m_waited = 0;
        m_stolen = 0;
        m_reset = true;
    }

private:
    struct Sched
    {
        qint64 ranNs = 0;
        qint64 waitedNs = 0;
        qint64 stolenTicks = 0;
    };
    static Sched sched()
    {
        Sched out;
        QFile f(QStringLiteral("/proc/thread-self/schedstat"));
        if (f.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> fields = f.readAll().simplified().split(' ');
            out.ranNs = fields.value(0).toLongLong();
            out.waitedNs = fields.value(1).toLongLong();
        }
        QFile stat(
            QStringLiteral("/proc/stat")); // "cpu user nice system idle iowait irq softirq steal"
        if (stat.open(QIODevice::ReadOnly))
            out.stolenTicks = stat.readLine().simplified().split(' ').value(8).toLongLong();
        return out;
    }

    QTimer m_timer {this};
    QElapsedTimer m_clock;
    Sched m_last;
    std::atomic<qint64> m_longest {0};
    std::atomic<qint64> m_ran {0};
    std::atomic<qint64> m_waited {0};
    std::atomic<qint64> m_stolen {0};
    std::atomic<bool> m_reset {false};
};

void waitFor(const std::function<bool()> &done, int timeoutMs)
{
    // Waits in the event loop as the manager does, woken to look at the condition: a loop of
    // processEvents() that returns at once kept a core busy, which the service then lacked.
    QTimer look;
    look.start(20);
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

// The service of `ini`, for as long as the bench runs.
class Daemon
{
public:
    explicit Daemon(const QString &ini)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral(P3C_DAEMON), {QStringLiteral("--config"), ini});
    }
    ~Daemon()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(30000))
            m_process.kill();
    }

    // The service's peak resident memory so far (VmHWM), in KiB.
    qint64 peakRssKb() const
    {
        QFile status(QStringLiteral("/proc/%1/status").arg(m_process.processId()));
        if (!status.open(QIODevice::ReadOnly))
            return 0;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
        return 0;
    }

private:
    QProcess m_process;
};

// The service of `ini`, and the manager as a person opens it on that service.
struct Console
{
    explicit Console(const QString &ini)
        : daemon(ini)
        , service(ini)
        , window(&service, &prompter, &language)
    {
        window.show();
    }
    // Connects the manager to the service and waits until it answers.
    void attach()
    {
        service.connectToService();
        waitFor([this] { return service.isRunning(); }, 20000);
    }

    Daemon daemon;
    Prompter prompter;
    Language language;
    ServiceController service;
    MainWindow window;
};

int spoolBench(int count)
{
    QTemporaryDir dir;
    const Spool spool(dir.path() + QStringLiteral("/spool"));
    (void)spool.prepare();
    const QByteArray body =
        "From: Alice <alice@origin.example>\r\nTo: bob@office.example\r\n"
        "Subject: =?iso-2022-jp?b?GyRCJCpAJE9DJEskSiRDJEYkKiRqJF4kOSEjGyhC?=\r\n"
        "Date: Tue, 14 Nov 2023 10:00:00 +0000\r\n\r\nbody\r\n";
    for (int i = 0; i < count; ++i) {
        const QString name = Spool::newMessageName();
        QFile eml(spool.messagePath(SpoolFolder::Incoming, name));
        eml.open(QIODevice::WriteOnly);
        eml.write(body);
        MessageMetadata meta;
        meta.mailbox = QStringLiteral("bench");
        meta.uid = QByteArray::number(i);
        meta.retrieved = QDateTime::currentDateTimeUtc();
        QFile m(spool.metaPath(SpoolFolder::Incoming, name));
        m.open(QIODevice::WriteOnly);
        m.write(meta.serialize());
    }
    const QString ini = dir.path() + QStringLiteral("/c.ini");
    QFile f(ini);
    f.open(QIODevice::WriteOnly);
    f.write("[connector]\nspool = spool\nschedule_enabled = false\ncontrol_socket = control\n");
    f.close();
    Console console(ini);
    MainWindow &window = console.window;
    console.attach();
    StallMeter meter;
    QElapsedTimer clock;
    clock.start();
    window.tabs()->setCurrentWidget(window.spoolTab());
    auto *table = window.findChild<QTableView *>(QStringLiteral("messageTable"));
    window.spoolTab()->selectFolder(SpoolFolder::Incoming);
    waitFor([&] { return table->model()->rowCount() == count; }, 60000);
    const qint64 listed = clock.elapsed();
    waitFor(
        [&] {
            for (int row = 0; row < 20; ++row) {
                if (table->model()->index(row, SpoolModel::Subject).data().toString().isEmpty())
                    return false;
            }
            return true;
        },
        60000);
    const qint64 shown = clock.elapsed();
    table->scrollToBottom();
    clock.restart();
    waitFor(
        [&] {
            const int last = table->model()->rowCount() - 1;
            return !table->model()->index(last, SpoolModel::Subject).data().toString().isEmpty();
        },
        60000);
    const qint64 scrolled = clock.elapsed();
    std::printf("spool_messages %d\nspool_listed_ms %lld\nspool_first_rows_ms %lld\n"
                "spool_scroll_to_end_ms %lld\nspool_longest_ui_stall_ms %lld\n",
        count, listed, shown, scrolled, meter.longest());
    return 0;
}

int retrieveBench(const QString &ini)
{
    Console console(ini);
    ServiceController &service = console.service;
    MainWindow &window = console.window;
    window.tabs()->setCurrentWidget(window.scheduleTab());
    console.attach();
    bool finished = false;
    QObject::connect(&service, &ServiceController::cycleFinished, [&] { finished = true; });
    StallMeter meter;
    QElapsedTimer clock;
    clock.start();
    service.retrieveNow();
    waitFor([&] { return finished; }, 600000);
    std::printf("retrieve_cycle_ms %lld\nretrieve_longest_ui_stall_ms %lld\n", clock.elapsed(),
        meter.longest());
    return finished ? 0 : 1;
}

// The pipeline in steady state with the manager attached: cycle after cycle, each run from the
// manager once `prepare <cycle>` has put new mail on the server, while the Spool tab lists
// PickUp, the folder that changes most. The stall is measured during the cycles only.
int cyclesBench(const QString &ini, int cycles, const QString &prepare)
{
    Console console(ini);
    ServiceController &service = console.service;
    MainWindow &window = console.window;
    if (qEnvironmentVariable("P3C_BENCH_TAB") == u"schedule") {
        window.tabs()->setCurrentWidget(window.scheduleTab());
    } else {
        window.tabs()->setCurrentWidget(window.spoolTab());
        window.spoolTab()->selectFolder(SpoolFolder::PickUp);
    }
    console.attach();
    bool finished = false;
    QObject::connect(&service, &ServiceController::cycleFinished, [&] { finished = true; });
    StallMeter meter;
    QThread idle; // a thread of this process with no work: the machine's own stalls
    idle.start();
    auto *control = new StallMeter(&idle);
    const auto stopIdle = qScopeGuard([&] {
        QMetaObject::invokeMethod(
            control, [control] { delete control; },
            Qt::BlockingQueuedConnection); // its timer stops on its own thread
        idle.quit();
        idle.wait();
    });
    qint64 total = 0;
    qint64 longest = 0;
    for (int cycle = 1; cycle <= cycles; ++cycle) {
        if (QProcess::execute(prepare, {QString::number(cycle)}) != 0) {
            std::fprintf(stderr, "p3c-gui-bench: %s %d failed\n", qPrintable(prepare), cycle);
            return 1;
        }
        finished = false;
        meter.reset();
        control->reset();
        QElapsedTimer clock;
        clock.start();
        service.retrieveNow();
        waitFor([&] { return finished; }, 600000);
        if (!finished)
            return 1;
        total += clock.elapsed();
        longest = std::max(longest, meter.longest());
        std::printf("cycle %d ms %lld longest_ui_stall_ms %lld daemon_peak_rss_kb %lld "
                    "idle_thread_stall_ms %lld ui_stall_ran_ms %lld ui_stall_waited_ms %lld "
                    "ui_stall_stolen_ms %lld\n",
            cycle, clock.elapsed(), meter.longest(), console.daemon.peakRssKb(), control->longest(),
            meter.ran(), meter.waited(), meter.stolen());
        std::fflush(stdout);
    }
    std::printf(
        "cycles %d\ncycles_ms %lld\ncycles_longest_ui_stall_ms %lld\ndaemon_peak_rss_kb %lld\n",
        cycles, total, longest, console.daemon.peakRssKb());
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 3 && args[1] == u"spool")
        return spoolBench(args[2].toInt());
    if (args.size() >= 3 && args[1] == u"retrieve")
        return retrieveBench(args[2]);
    if (args.size() >= 5 && args[1] == u"cycles")
        return cyclesBench(args[2], args[3].toInt(), args[4]);
    std::fprintf(stderr, "usage: p3c-gui-bench spool N | retrieve INI | cycles INI N CMD\n");
    return 2;
}
