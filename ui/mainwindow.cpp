#include "mainwindow.h"

#include "firstrunwizard.h"
#include "language.h"
#include "mailboxestab.h"
#include "prompter.h"
#include "scheduletab.h"
#include "servicecontroller.h"
#include "spooltab.h"
#include "trackingview.h"
#include "traynotifier.h"
#include "troubleshootingtab.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Pop3Connector {

MainWindow::MainWindow(
    ServiceController *service, Prompter *prompter, Language *language, QWidget *parent)
    : QMainWindow(parent)
    , m_service(service)
    , m_prompter(prompter)
    , m_language(language)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_mailboxes = new MailboxesTab(service, prompter);
    m_schedule = new ScheduleTab(service);
    m_troubleshooting = new TroubleshootingTab(service, prompter);
    m_spool = new SpoolTab(service, prompter);
    m_tabs->addTab(m_mailboxes, QString());
    m_tabs->addTab(m_schedule, QString());
    m_tabs->addTab(m_troubleshooting, QString());
    m_tabs->addTab(m_spool, QString());
    m_notifier = new TrayNotifier(service, this);
    m_banner = new QWidget;
    m_banner->setObjectName(QStringLiteral("serviceBanner"));
    m_banner->setAutoFillBackground(true);
    QPalette warning = m_banner->palette();
    warning.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    warning.setColor(QPalette::WindowText, Qt::black);
    m_banner->setPalette(warning);
    m_bannerText = new QLabel;
    m_bannerText->setObjectName(QStringLiteral("serviceBannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_start = new QPushButton;
    m_start->setObjectName(QStringLiteral("startServiceButton"));
    auto *banner = new QHBoxLayout(m_banner);
    banner->addWidget(m_bannerText, 1);
    banner->addWidget(m_start, 0, Qt::AlignVCenter);
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    m_serviceMenu = menuBar()->addMenu(QString());
    m_serviceToggle = m_serviceMenu->addAction(QString());
    m_serviceToggle->setObjectName(QStringLiteral("serviceToggleAction"));
    m_dispatchToggle = m_serviceMenu->addAction(QString());
    m_dispatchToggle->setObjectName(QStringLiteral("dispatchToggleAction"));
    m_retrieve = m_serviceMenu->addAction(QString());
    m_retrieve->setObjectName(QStringLiteral("retrieveNowAction"));
    m_firstRun = m_serviceMenu->addAction(QString());
    m_firstRun->setObjectName(QStringLiteral("firstRunAction"));
    m_serviceMenu->addSeparator();
    m_quit = m_serviceMenu->addAction(QString());
    m_quit->setShortcut(QKeySequence::Quit);
    m_languageMenu = menuBar()->addMenu(QString());
    auto *group = new QActionGroup(this);
    m_systemLanguage = m_languageMenu->addAction(QString());
    m_english = m_languageMenu->addAction(QStringLiteral("English"));
    m_english->setObjectName(QStringLiteral("languageEnglishAction"));
    m_japanese = m_languageMenu->addAction(QStringLiteral("日本語"));
    m_japanese->setObjectName(QStringLiteral("languageJapaneseAction"));
    for (QAction *a : {m_systemLanguage, m_english, m_japanese}) {
        a->setCheckable(true);
        group->addAction(a);
    }
    const QString saved = Language::savedChoice();
    (saved == u"ja" ? m_japanese : saved == u"en" ? m_english : m_systemLanguage)->setChecked(true);
    m_helpMenu = menuBar()->addMenu(QString());
    m_about = m_helpMenu->addAction(QString());

    m_state = new QLabel;
    m_state->setObjectName(QStringLiteral("serviceStateLabel"));
    m_stages = new QLabel;
    m_stages->setObjectName(QStringLiteral("stagesLabel"));
    m_next = new QLabel;
    m_next->setObjectName(QStringLiteral("nextRunStatusLabel"));
    // Who the manager talks to stands apart from what the stages do.
    m_state->setContentsMargins(4, 0, 24, 0);
    statusBar()->addWidget(m_state);
    statusBar()->addWidget(m_stages, 1);
    statusBar()->addPermanentWidget(m_next);

    connect(m_serviceToggle, &QAction::triggered, this, &MainWindow::startService);
    connect(m_start, &QPushButton::clicked, this, &MainWindow::startService);
    connect(m_dispatchToggle, &QAction::triggered, this,
        [this] { m_service->setDispatchEnabled(!m_service->isDispatchEnabled()); });
    connect(m_retrieve, &QAction::triggered, m_service, [this] { m_service->retrieveNow(); });
    connect(m_firstRun, &QAction::triggered, this, &MainWindow::openFirstRun);
    connect(m_service, &ServiceController::configurationChanged, this, [this] {
        // Once a session, when the service answers with a configuration nobody set up yet.
        if (m_firstRunOffered || !m_service->isRunning()
            || !FirstRunWizard::isWanted(m_service->configuration()))
            return;
        m_firstRunOffered = true;
        openFirstRun();
    });
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    connect(m_systemLanguage, &QAction::triggered, this, [this] { setLanguage({}); });
    connect(m_english, &QAction::triggered, this, [this] { setLanguage(QStringLiteral("en")); });
    connect(m_japanese, &QAction::triggered, this, [this] { setLanguage(QStringLiteral("ja")); });
    connect(m_about, &QAction::triggered, this, [this] {
        m_prompter->inform(this, tr("About POP3 Connector"),
            tr("POP3 Connector %1\nMoves mail from POP3 mailboxes at a provider into the "
               "office's mail server.\nConfiguration: %2")
                .arg(QCoreApplication::applicationVersion(), m_service->configPath()));
    });
    connect(m_service, &ServiceController::serviceStateChanged, this, &MainWindow::updateStatus);
    connect(m_service, &ServiceController::statusChanged, this, &MainWindow::updateStatus);
    connect(m_service, &ServiceController::configurationChanged, this, &MainWindow::retranslate);
    connect(m_notifier, &TrayNotifier::failedMailChanged, this, &MainWindow::updateSpoolTitle);
    connect(m_notifier, &TrayNotifier::activated, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    // A message an event or a tracked path names, shown where an administrator acts on it.
    const auto showInSpool = [this](SpoolFolder folder, const QString &name) {
        m_tabs->setCurrentWidget(m_spool);
        m_spool->showMessage(folder, name);
    };
    connect(m_troubleshooting->trackingView(), &TrackingView::openInSpool, this, showInSpool);
    connect(m_troubleshooting, &TroubleshootingTab::openInSpool, this, showInSpool);
    // Ctrl+Tab and Ctrl+PgDown (and back) change tabs wherever the focus is, a table included.
    const auto tabKeys = [this](const QList<QKeySequence> &keys, int by) {
        for (const QKeySequence &key : keys) {
            auto *shortcut = new QShortcut(key, this);
            connect(shortcut, &QShortcut::activated, this, [this, by] {
                m_tabs->setCurrentIndex(
                    (m_tabs->currentIndex() + by + m_tabs->count()) % m_tabs->count());
            });
        }
    };
    tabKeys({QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageDown)}, 1);
    tabKeys({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab),
                QKeySequence(Qt::CTRL | Qt::Key_Backtab), QKeySequence(Qt::CTRL | Qt::Key_PageUp)},
        -1);
    resize(1000, 680);
    restoreLayout();
    retranslate();
}

void MainWindow::restoreLayout()
{
    QSettings settings(QStringLiteral("pop3connector"), QStringLiteral("manager"));
    settings.beginGroup(QStringLiteral("layout"));
    restoreGeometry(settings.value(QStringLiteral("window")).toByteArray());
    m_spool->restoreLayout(settings);
}

void MainWindow::saveLayout() const
{
    // Per user: the window as this administrator left it, not the configuration's business.
    QSettings settings(QStringLiteral("pop3connector"), QStringLiteral("manager"));
    settings.beginGroup(QStringLiteral("layout"));
    settings.setValue(QStringLiteral("window"), saveGeometry());
    m_spool->saveLayout(settings);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::startService()
{
    if (m_service->isRunning())
        return;
    if (!m_service->canStartForUser()) {
        m_prompter->inform(this, tr("Start the connector"),
            tr("The connector of %1 is the system service; an administrator starts it.\n\n%2")
                .arg(m_service->configPath(), m_service->howToStart()));
        return;
    }
    if (const QString error = m_service->startForUser(); !error.isEmpty())
        m_prompter->warn(this, tr("Start the connector"), error);
}

FirstRunWizard *MainWindow::openFirstRun()
{
    if (!m_firstRunWizard) {
        m_firstRunWizard = new FirstRunWizard(m_service, m_prompter, this);
        m_firstRunWizard->setAttribute(Qt::WA_DeleteOnClose);
        connect(
            m_firstRunWizard, &QObject::destroyed, this, [this] { m_firstRunWizard = nullptr; });
        m_firstRunWizard->open();
    }
    m_firstRunWizard->raise();
    m_firstRunWizard->activateWindow();
    return m_firstRunWizard;
}

void MainWindow::setLanguage(const QString &code)
{
    Language::saveChoice(code);
    m_language->apply(code);
}

void MainWindow::retranslate()
{
    // Which file the manager administers: several services may run, one per configuration.
    setWindowTitle(tr("POP3 Connector Manager - %1").arg(m_service->configPath()));
    m_tabs->setTabText(0, tr("&Mailboxes"));
    m_tabs->setTabText(1, tr("S&chedule"));
    m_tabs->setTabText(2, tr("&Troubleshooting"));
    updateSpoolTitle();
    m_serviceMenu->setTitle(tr("&Service"));
    m_retrieve->setText(tr("&Retrieve now"));
    m_retrieve->setShortcut(QKeySequence::Refresh);
    m_firstRun->setText(tr("First-run &assistant..."));
    m_quit->setText(tr("&Quit"));
    m_languageMenu->setTitle(tr("&Language"));
    m_systemLanguage->setText(tr("&System language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_about->setText(tr("&About POP3 Connector"));
    m_notifier->retranslate();
    updateStatus();
}

void MainWindow::updateSpoolTitle()
{
    // Failed Mail waits for a person: its count shows from any tab.
    const int failed = m_notifier->failedMail();
    m_tabs->setTabText(3, failed > 0 ? tr("S&pool (%1)").arg(failed) : tr("S&pool"));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::updateStatus()
{
    const bool running = m_service->isRunning();
    m_serviceToggle->setText(tr("Start connector"));
    m_serviceToggle->setEnabled(!running);
    m_dispatchToggle->setText(
        m_service->isDispatchEnabled() ? tr("Stop delivery") : tr("Start delivery"));
    m_dispatchToggle->setEnabled(running);
    m_retrieve->setEnabled(running);
    m_firstRun->setEnabled(running);
    m_banner->setVisible(!running);
    m_start->setText(tr("Start connector"));
    m_start->setVisible(m_service->canStartForUser());
    if (!running) {
        const QString why = m_service->unavailableReason();
        m_bannerText->setText(tr("The connector is not running (%1). The manager connects to it "
                                 "as soon as it runs; nothing is lost meanwhile.")
                                  .arg(why.isEmpty() ? tr("connecting") : why)
            + u'\n'
            + (m_service->canStartForUser()
                    ? tr("The button starts it for this user. %1").arg(m_service->howToStart())
                    : tr("It is the system service; an administrator starts it. %1")
                          .arg(m_service->howToStart())));
        m_state->setText(tr("Connector not running"));
        m_stages->clear();
        m_next->clear();
        return;
    }
    const ServiceController::ServiceInfo &info = m_service->serviceInfo();
    m_state->setText(tr("Connector running: pid %1, user %2, version %3")
                         .arg(info.pid)
                         .arg(info.user, info.version));
    auto stage = [this](const QString &key, const QString &name) {
        QString state;
        if (key == u"dispatch" && !m_service->isDispatchEnabled())
            state = tr("stopped");
        else
            state = m_service->isStageActive(key) ? tr("working") : tr("idle");
        return name + QStringLiteral(": ") + state;
    };
    m_stages->setText(stage(QStringLiteral("download"), tr("Download")) + QStringLiteral("   ")
        + stage(QStringLiteral("transfer"), tr("Transfer")) + QStringLiteral("   ")
        + stage(QStringLiteral("dispatch"), tr("Delivery")));
    const QDateTime next = m_service->nextRun();
    m_next->setText(next.isValid()
            ? tr("Next run %1")
                  .arg(QLocale().toString(next.toLocalTime().time(), QLocale::ShortFormat))
            : QString());
}

} // namespace Pop3Connector
