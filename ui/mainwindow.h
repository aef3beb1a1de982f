#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QPushButton;
class QTabWidget;

namespace Pop3Connector {

class Language;
class MailboxesTab;
class Prompter;
class ScheduleTab;
class ServiceController;
class SpoolTab;
class TroubleshootingTab;

// The POP3 Connector manager: four tabs over the connector service, a Service menu (delivery on
// and off, Retrieve now), a Language menu, a status bar saying which service it talks to (its
// pid, user and version), each stage's state and the next run, and, while no service answers, a
// banner saying so with the way to start one. The title bar names the configuration.
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

    ServiceController *m_service;
    Prompter *m_prompter;
    Language *m_language;
    QTabWidget *m_tabs;
    MailboxesTab *m_mailboxes;
    ScheduleTab *m_schedule;
    TroubleshootingTab *m_troubleshooting;
    SpoolTab *m_spool;
    QMenu *m_serviceMenu;
    QMenu *m_languageMenu;
    QMenu *m_helpMenu;
    QAction *m_serviceToggle;
    QAction *m_dispatchToggle;
    QAction *m_retrieve;
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
