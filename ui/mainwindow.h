#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QPushButton;
class QTabWidget;

namespace Pop3Connector {

class FirstRunWizard;
class Language;
class MailboxesTab;
class Prompter;
class ScheduleTab;
class ServiceController;
class SpoolTab;
class TrayNotifier;
class TroubleshootingTab;

// The POP3 Connector manager: four tabs over the connector service, a Service menu (delivery on
// and off, Retrieve now, the first-run assistant, offered by itself to a service nobody set up
// yet), a Language menu, a status bar saying which service it talks to (its
// pid, user and version), each stage's state and the next run, and, while no service answers, a
// banner saying so with the way to start one. The title bar names the configuration; the Spool
// tab's title counts Failed Mail; a tray icon and desktop notifications follow the service's
// problems (TrayNotifier).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(ServiceController *service, Prompter *prompter, Language *language,
        QWidget *parent = nullptr);

    MailboxesTab *mailboxesTab() const { return m_mailboxes; }
    ScheduleTab *scheduleTab() const { return m_schedule; }
    TroubleshootingTab *troubleshootingTab() const { return m_troubleshooting; }
    SpoolTab *spoolTab() const { return m_spool; }
    QTabWidget *tabs() const { return m_tabs; }
    TrayNotifier *notifier() const { return m_notifier; }
    // Opens the first-run assistant (window-modal), or brings the open one forward.
    FirstRunWizard *openFirstRun();

    // The window's size and place, the Spool tab's splitters and column widths, kept per user
    // (QSettings) when the window closes and restored when the next one opens.
    void saveLayout() const;

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void restoreLayout();
    void retranslate();
    void updateStatus();
    void startService();
    void setLanguage(const QString &code);
    void updateSpoolTitle();

    ServiceController *m_service;
    Prompter *m_prompter;
    Language *m_language;
    QTabWidget *m_tabs;
    MailboxesTab *m_mailboxes;
    ScheduleTab *m_schedule;
    TroubleshootingTab *m_troubleshooting;
    SpoolTab *m_spool;
    TrayNotifier *m_notifier;
    QMenu *m_serviceMenu;
    QMenu *m_languageMenu;
    QMenu *m_helpMenu;
    QAction *m_serviceToggle;
    QAction *m_dispatchToggle;
    QAction *m_retrieve;
    QAction *m_firstRun;
    FirstRunWizard *m_firstRunWizard = nullptr;
    bool m_firstRunOffered = false;
    QAction *m_quit;
    QAction *m_english;
    QAction *m_japanese;
    QAction *m_systemLanguage;
    QAction *m_about;
    QWidget *m_banner;
    QLabel *m_bannerText;
    QPushButton *m_start;
    QLabel *m_state;
    QLabel *m_stages;
    QLabel *m_next;
};

} // namespace Pop3Connector
