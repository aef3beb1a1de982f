// p3c-screenshots CONFIG OUTDIR LANG [WIDTHxHEIGHT]: the manager's main window, built as
// pop3connector builds it, on the service of CONFIG (started by the caller); runs one cycle with
// delivery stopped (so the spool has mail to show), then saves each tab as OUTDIR/LANG-TAB.png,
// and the Troubleshooting tab's diagnostics and tracking pages, the mailbox dialog's pages of the
// first global mailbox as OUTDIR/LANG-mailbox-PAGE.png and the connection test of the first
// mailbox as OUTDIR/LANG-test.png (with -WIDTHxHEIGHT when given).
// Run under Xvfb for docs/screenshots.
#include "connectiontestdialog.h"
#include "diagnosisview.h"
#include "language.h"
#include "mailboxdialog.h"
#include "mailboxestab.h"
#include "mainwindow.h"
#include "prompter.h"
#include "servicecontroller.h"
#include "spoolmodel.h"
#include "spooltab.h"
#include "trackingview.h"
#include "troubleshootingtab.h"

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
        std::fprintf(stderr, "usage: p3c-screenshots CONFIG OUTDIR LANG [WIDTHxHEIGHT]\n");
        return 2;
    }
    Language language;
    language.apply(args[3]);
    Prompter prompter;
    ServiceController service(args[1]);
    MainWindow window(&service, &prompter, &language);
    const QStringList size = args.value(4, QStringLiteral("1100x700")).split(u'x');
    window.resize(size.value(0).toInt(), size.value(1).toInt());
    window.show();
    service.connectToService();
    for (int i = 0; i < 100 && !service.isRunning(); ++i)
        settle(100);
    service.setDispatchEnabled(false);
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
        const QString suffix = args.size() > 4 ? u'-' + args[4] : QString();
        window.grab().save(
            args[2] + u'/' + args[3] + u'-' + names[tab] + suffix + QStringLiteral(".png"));
    }
    const QString suffix = args.size() > 4 ? u'-' + args[4] : QString();
    const auto save = [&](QWidget *w, const QString &name) {
        w->grab().save(args[2] + u'/' + args[3] + u'-' + name + suffix + QStringLiteral(".png"));
    };
    for (const MailboxSettings &m : service.configuration().mailboxes) {
        if (m.type != MailboxType::Global)
            continue;
        MailboxDialog dialog(m, {}, &service, &prompter, &window);
        dialog.show();
        auto *pages = dialog.findChild<QTabWidget *>(QStringLiteral("mailboxPages"));
        const QStringList pageNames = {
            QStringLiteral("account"), QStringLiteral("routing"), QStringLiteral("options")};
        for (int page = 0; page < pages->count(); ++page) {
            pages->setCurrentIndex(page);
            settle(600);
            save(&dialog, QStringLiteral("mailbox-") + pageNames.value(page));
        }
        std::printf("mailbox dialog %dx%d\n", dialog.width(), dialog.height());
        break;
    }
    if (!service.configuration().mailboxes.isEmpty()) {
        ConnectionTestDialog test(
            &service, service.configuration().mailboxes.first().name, &window);
        test.show();
        test.start();
        for (int i = 0; i < 300 && !test.isFinished(); ++i)
            settle(100);
        settle(600);
        save(&test, QStringLiteral("test"));
    }
    // The troubleshooter's report and message tracking, on the Troubleshooting tab's pages.
    TroubleshootingTab *troubleshooting = window.troubleshootingTab();
    window.tabs()->setCurrentWidget(troubleshooting);
    bool diagnosed = false;
    QObject::connect(
        troubleshooting->diagnosisView(), &DiagnosisView::finished, [&] { diagnosed = true; });
    troubleshooting->runDiagnostics();
    for (int i = 0; i < 1200 && !diagnosed; ++i)
        settle(100);
    settle(500);
    window.grab().save(args[2] + u'/' + args[3] + QStringLiteral("-diagnostics") + suffix
        + QStringLiteral(".png"));
    troubleshooting->showPage(TroubleshootingTab::Page::Tracking);
    troubleshooting->trackingView()->search();
    settle(1500);
    window.grab().save(
        args[2] + u'/' + args[3] + QStringLiteral("-tracking") + suffix + QStringLiteral(".png"));
    return 0;
}
