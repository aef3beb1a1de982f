#pragma once

#include "events/event.h"

#include <QWidget>

class QCborMap;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace Pop3Connector {

class EventFilter;
class EventModel;
class Prompter;
class ServiceController;

// The Troubleshooting tab: log level, the undeliverable-mail mailbox, the event viewer with
// filters (the service's history, then its events live) and, next to the selected event, its
// cause and the steps that fix it; and diagnostics the service runs: its configuration, spool,
// passwords, and a connection test of every mailbox.
class TroubleshootingTab : public QWidget
{
    Q_OBJECT
public:
    TroubleshootingTab(ServiceController *service, Prompter *prompter, QWidget *parent = nullptr);

    void runDiagnostics();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void applySettings();
    void showDetail();
    void showDiagnostics(const QCborMap &diagnostics);
    void diagnoseMailbox(int index);

    ServiceController *m_service;
    Prompter *m_prompter;
    EventModel *m_model;
    EventFilter *m_filter;
    QLabel *m_levelLabel;
    QComboBox *m_level;
    QLabel *m_undeliverableLabel;
    QLineEdit *m_undeliverable;
    QPushButton *m_apply;
    QComboBox *m_severity;
    QComboBox *m_category;
    QLineEdit *m_search;
    QTableView *m_table;
    QTextBrowser *m_detail;
    QPushButton *m_diagnose;
    QPlainTextEdit *m_diagnostics;
    bool m_diagnosing = false;
};

} // namespace Pop3Connector
