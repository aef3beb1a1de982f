#pragma once

#include <QDialog>
#include <QSslCertificate>

class QFormLayout;
class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Pop3Connector {

class ServiceController;

// Shows a connection test the service ran (its network, its certificates, the password it
// stores) as a terminal session would (greeting, USER, PASS masked, STAT, QUIT) and says in
// plain words whether it worked and, if not, what to do. When the server's certificate was
// refused it shows who it was issued to and by, how long it is valid and its fingerprint, and
// offers to trust exactly that certificate for this mailbox (the service saves it, pinned).
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
    // The mailbox's ca_file now names this file, pinned; the configuration is saved.
    void certificateTrusted(const QString &caFile);

private:
    void fail(const QString &text);
    void showRefusedCertificate(const QList<QSslCertificate> &chain);
    void trustCertificate();
    void setResult(const QString &text);

    ServiceController *m_service;
    QString m_mailbox;
    QPlainTextEdit *m_transcript;
    QLabel *m_result;
    QGroupBox *m_certificate;
    QLabel *m_issuedTo;
    QLabel *m_issuedBy;
    QLabel *m_validity;
    QLabel *m_fingerprint;
    QLabel *m_trustHint;
    QPushButton *m_trust;
    QPushButton *m_close;
    QSslCertificate m_refused;
    bool m_finished = false;
};

} // namespace Pop3Connector
