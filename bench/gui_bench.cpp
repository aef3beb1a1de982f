// p3c-gui-bench: the manager's responsiveness, measured (not a test).
//   p3c-gui-bench spool N            open the Spool tab on N messages in Incoming Mail
//   p3c-gui-bench retrieve INI       run a cycle from the manager and watch the UI thread
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
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Pop3Connector;

namespace {

class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_clock.isValid())
                m_longest = std::max(m_longest, m_clock.elapsed() - 5);
            m_clock.start();
        });
        m_timer.start();
    }
    qint64 longest() const { return m_longest; }
    void reset()
    {
        m_longest = 0;
        m_clock.invalidate();
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
};

void waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

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
    f.write("[connector]\nspool = spool\n");
    f.close();
    KeychainSecretStore secrets;
    Prompter prompter;
    Language language;
    ServiceController service(ini, &secrets);
    MainWindow window(&service, &prompter, &language);
    window.show();
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
    KeychainSecretStore secrets;
    Prompter prompter;
    Language language;
    ServiceController service(ini, &secrets);
    MainWindow window(&service, &prompter, &language);
    window.show();
    window.tabs()->setCurrentWidget(window.scheduleTab());
    service.startService();
    waitFor([&] { return service.isRunning(); }, 10000);
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

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 3 && args[1] == u"spool")
        return spoolBench(args[2].toInt());
    if (args.size() >= 3 && args[1] == u"retrieve")
        return retrieveBench(args[2]);
    std::fprintf(stderr, "usage: p3c-gui-bench spool N | retrieve INI\n");
    return 2;
}
