#pragma once

#include "diagnosis/diagnosis.h"

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QTextBrowser;
class QPushButton;
class QTimer;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace Pop3Connector {

class Prompter;
class ServiceController;

// The troubleshooter's report (docs/troubleshooting.md), run by the service: the stages as a
// strip (service, download, transfer, delivery, configuration) with the broken one marked by
// colour, a symbol and a word; below, every finding of every stage, expandable to its evidence,
// its fix and a mailbox's conversation (passwords masked by the service); and the report
// exported as the text pop3connectorctl diagnose prints. The report takes as long as the
// slowest server: the view stays usable and says it is running meanwhile.
class DiagnosisView : public QWidget
{
    Q_OBJECT
public:
    // The strip's stages, in the pipeline's order.
    enum class Stage { Service, Download, Transfer, Delivery, Configuration };

    DiagnosisView(ServiceController *service, Prompter *prompter, QWidget *parent = nullptr);

    void run();
    bool isRunning() const { return m_running; }
    const DiagnosisReport &report() const { return m_report; }
    // The worst verdict of a stage of the last report; nothing before one.
    std::optional<Verdict> verdict(Stage stage) const;
    // The report as text, with a heading (when, which configuration) and the transcripts.
    QString reportText() const;
    // Asks where, then writes the report there, readable by its owner alone.
    void exportReport();

Q_SIGNALS:
    void finished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showReport();
    void showStrip();
    void showProgress();
    void showSection(Stage stage);
    void showDetail();

    ServiceController *m_service;
    Prompter *m_prompter;
    QPushButton *m_run;
    QPushButton *m_export;
    QProgressBar *m_busy;
    QLabel *m_status;
    QList<QToolButton *> m_stages;
    QTreeWidget *m_tree;
    QTextBrowser *m_detail;
    QTimer *m_tick;
    QElapsedTimer m_elapsed;
    DiagnosisReport m_report;
    bool m_hasReport = false;
    bool m_running = false;
    QString m_error;
};

} // namespace Pop3Connector
