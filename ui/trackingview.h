#pragma once

#include "spool/spool.h"
#include "spool/trackingrecord.h"

#include <QWidget>

#include <optional>

class QCborMap;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace Pop3Connector {

class ServiceController;

// Message tracking (docs/design.md "Message tracking"): the service's journal searched by a text
// found in a Message-ID, sender, recipient, subject, spool name or UIDL, within a time range; the
// messages found, the most recent first, with where each is now; and the chosen message's path
// as a timeline, stored -> routed -> delivered, deferred, failed or BadMail, with what
// administrators did to it and who. A message still in a spool folder opens in the Spool tab.
class TrackingView : public QWidget
{
    Q_OBJECT
public:
    explicit TrackingView(ServiceController *service, QWidget *parent = nullptr);

    void search();
    // Searches for `text` (a spool name an event gave, say) as if it had been typed.
    void searchFor(const QString &text);
    const QList<TrackedMessage> &messages() const { return m_messages; }
    // The spool folder a message's path ends in; nothing when it left the spool.
    static std::optional<SpoolFolder> folderOf(const QList<TrackingRecord> &records);

Q_SIGNALS:
    void searched();
    void openInSpool(Pop3Connector::SpoolFolder folder, const QString &name);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showResults(const QCborMap &reply);
    void showTimeline();
    void openSelected();
    QString kindLabel(TrackingRecord::Kind kind) const;
    QString details(const TrackingRecord &record) const;

    ServiceController *m_service;
    QLineEdit *m_text;
    QComboBox *m_range;
    QPushButton *m_search;
    QLabel *m_status;
    QTreeWidget *m_results;
    QLabel *m_pathTitle;
    QTreeWidget *m_timeline;
    QPushButton *m_open;
    QList<TrackedMessage> m_messages;
    bool m_searching = false;
    qint64 m_elapsedMs = -1;
};

} // namespace Pop3Connector
