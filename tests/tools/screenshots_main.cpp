// p3c-screenshots CONFIG OUTDIR LANG: the manager's main window, built as pop3connector builds
// it, on CONFIG; runs one cycle with delivery stopped (so the spool has mail to show), then saves
// each tab as OUTDIR/LANG-TAB.png. Run under Xvfb for docs/screenshots.
#include "config/secretstore.h"
#include "language.h"
#include "mailboxestab.h"
#include "mainwindow.h"
#include "prompter.h"
#include "servicecontroller.h"
#include "spoolmodel.h"
#include "spooltab.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QIcon>
#include <QListWidget>
#include <QTabWidget>
#include <QTableView>

#include <cstdio>

using namespace Pop3Connector;

static void settle(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("POP3 Connector"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/pop3connector.svg")));
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: p3c-screenshots CONFIG OUTDIR LANG\n");
        return 2;
    }
    Language language;
    language.apply(args[3]);
    KeychainSecretStore secrets;
    Prompter prompter;
    ServiceController service(args[1], &secrets);
    MainWindow window(&service, &prompter, &language);
    window.resize(1100, 700);
    window.show();
    service.setDispatchEnabled(false);
    service.startService();
    settle(1500);
    bool finished = false;
    QObject::connect(&service, &ServiceController::cycleFinished, [&] { finished = true; });
    window.tabs()->setCurrentIndex(1);
    service.retrieveNow();
    for (int i = 0; i < 600 && !finished; ++i)
        settle(100);
    settle(800);
    const QStringList names = {QStringLiteral("mailboxes"), QStringLiteral("schedule"),
        QStringLiteral("troubleshooting"), QStringLiteral("spool")};
    for (int tab = 0; tab < names.size(); ++tab) {
        window.tabs()->setCurrentIndex(tab);
        if (tab == 2) {
            auto *events = window.findChild<QTableView *>(QStringLiteral("eventTable"));
            events->selectRow(0);
        }
        if (tab == 3) {
            window.spoolTab()->selectFolder(SpoolFolder::PickUp);
            settle(1500);
            window.findChild<QTableView *>(QStringLiteral("messageTable"))->selectRow(1);
        }
        settle(1200);
        window.grab().save(args[2] + u'/' + args[3] + u'-' + names[tab] + QStringLiteral(".png"));
    }
    return 0;
}
