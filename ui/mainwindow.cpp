#include "mainwindow.h"

#include "language.h"
#include "mailboxestab.h"
#include "prompter.h"
#include "scheduletab.h"
#include "servicecontroller.h"
#include "spooltab.h"
#include "troubleshootingtab.h"

#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>

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
    setCentralWidget(m_tabs);

    m_serviceMenu = menuBar()->addMenu(QString());
    m_serviceToggle = m_serviceMenu->addAction(QString());
    m_serviceToggle->setObjectName(QStringLiteral("serviceToggleAction"));
    m_dispatchToggle = m_serviceMenu->addAction(QString());
    m_dispatchToggle->setObjectName(QStringLiteral("dispatchToggleAction"));
    m_retrieve = m_serviceMenu->addAction(QString());
    m_retrieve->setObjectName(QStringLiteral("retrieveNowAction"));
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
    statusBar()->addWidget(m_state);
    statusBar()->addWidget(m_stages, 1);
    statusBar()->addPermanentWidget(m_next);

    connect(m_serviceToggle, &QAction::triggered, this, [this] {
        if (m_service->isRunning())
            m_service->stopService();
        else
            m_service->startService();
    });
    connect(m_dispatchToggle, &QAction::triggered, this,
        [this] { m_service->setDispatchEnabled(!m_service->isDispatchEnabled()); });
    connect(m_retrieve, &QAction::triggered, m_service, &ServiceController::retrieveNow);
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
    connect(m_service, &ServiceController::serviceStateChanged, this, [this](bool running) {
        if (!running && !m_service->lastError().isEmpty())
            m_prompter->warn(this, tr("POP3 Connector"),
                tr("The connector could not start: %1").arg(m_service->lastError()));
        updateStatus();
    });
    connect(m_service, &ServiceController::dispatchEnabledChanged, this, &MainWindow::updateStatus);
    connect(m_service, &ServiceController::nextRunChanged, this, &MainWindow::updateStatus);
    connect(m_service, &ServiceController::stageActive, this, [this](Stage stage, bool active) {
        m_active[stage] = active;
        updateStatus();
    });
    resize(1000, 680);
    retranslate();
}

void MainWindow::setLanguage(const QString &code)
{
    Language::saveChoice(code);
    m_language->apply(code);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("POP3 Connector Manager"));
    m_tabs->setTabText(0, tr("Mailboxes"));
    m_tabs->setTabText(1, tr("Schedule"));
    m_tabs->setTabText(2, tr("Troubleshooting"));
    m_tabs->setTabText(3, tr("Spool"));
    m_serviceMenu->setTitle(tr("&Service"));
    m_retrieve->setText(tr("Retrieve now"));
    m_quit->setText(tr("Quit"));
    m_languageMenu->setTitle(tr("&Language"));
    m_systemLanguage->setText(tr("System language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_about->setText(tr("About POP3 Connector"));
    updateStatus();
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
    m_serviceToggle->setText(running ? tr("Stop connector") : tr("Start connector"));
    m_dispatchToggle->setText(
        m_service->isDispatchEnabled() ? tr("Stop delivery") : tr("Start delivery"));
    m_retrieve->setEnabled(running);
    m_state->setText(running ? tr("Connector running") : tr("Connector stopped"));
    auto stage = [this, running](Stage s, const QString &name) {
        QString state;
        if (!running)
            state = tr("stopped");
        else if (s == Stage::Dispatch && !m_service->isDispatchEnabled())
            state = tr("stopped");
        else
            state = m_active.value(s) ? tr("working") : tr("idle");
        return name + QStringLiteral(": ") + state;
    };
    m_stages->setText(stage(Stage::Download, tr("Download")) + QStringLiteral("   ")
        + stage(Stage::Transfer, tr("Transfer")) + QStringLiteral("   ")
        + stage(Stage::Dispatch, tr("Delivery")));
    const QDateTime next = m_service->nextRun();
    m_next->setText(next.isValid()
            ? tr("Next run %1")
                  .arg(QLocale().toString(next.toLocalTime().time(), QLocale::ShortFormat))
            : QString());
}

} // namespace Pop3Connector
