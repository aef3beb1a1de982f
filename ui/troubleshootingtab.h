#pragma once

#include "events/event.h"
#include "spool/spool.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace Pop3Connector {

class DiagnosisView;
class EventFilter;
class EventModel;
class Prompter;
class ServiceController;
class TrackingView;

// The Troubleshooting tab: log level, the undeliverable-mail mailbox and the administrator's
// address for the service's problem reports; then three pages: the event viewer with filters
// (the service's history, then its events live) and, below the selected event, its cause and the
// steps that fix it; the troubleshooter's report (DiagnosisView); and message tracking
// (TrackingView).
class TroubleshootingTab : public QWidget
{
    Q_OBJECT
public:
    TroubleshootingTab(ServiceController *service, Prompter *prompter, QWidget *parent = nullptr);

    enum class Page { Events, Diagnostics, Tracking };

    void runDiagnostics();
    void showPage(Page page);
    DiagnosisView *diagnosisView() const { return m_diagnosis; }
    TrackingView *trackingView() const { return m_tracking; }

Q_SIGNALS:
    // An event's message is in the spool: show it there.
    void openInSpool(Pop3Connector::SpoolFolder folder, const QString &name);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void applySettings();
    void showDetail();
    // The message the activated event concerns: in the Spool tab while it is in the spool,
    // else its path in Message tracking.
    void openEventMessage(const QModelIndex &index);

    ServiceController *m_service;
    Prompter *m_prompter;
    EventModel *m_model;
    EventFilter *m_filter;
    QLabel *m_levelLabel;
    QComboBox *m_level;
    QLabel *m_undeliverableLabel;
    QLineEdit *m_undeliverable;
    QLabel *m_administratorLabel;
    QLineEdit *m_administrator;
    QPushButton *m_apply;
    QComboBox *m_severity;
    QComboBox *m_category;
    QLineEdit *m_search;
    QTableView *m_table;
    QTextBrowser *m_detail;
    QTabWidget *m_pages;
    DiagnosisView *m_diagnosis;
    TrackingView *m_tracking;
};

} // namespace Pop3Connector
