#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Pop3Connector {

class ServiceController;

// Shows a connection test the service ran (its network, its certificates, the password it
// stores) as a terminal session would (greeting, USER, PASS masked, STAT, QUIT) and says in
// plain words whether it worked and, if not, what to do.
class ConnectionTestDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectionTestDialog(
        ServiceController *service, const QString &mailbox, QWidget *parent = nullptr);

    void start();
    QString transcript() const;
    QString result() const;
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void finished(bool succeeded);

private:
    void fail(const QString &text);

    ServiceController *m_service;
    QString m_mailbox;
    QPlainTextEdit *m_transcript;
    QLabel *m_result;
    QPushButton *m_close;
    bool m_finished = false;
};

} // namespace Pop3Connector
