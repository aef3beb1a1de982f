#include "dovecotfixture.h"

#include "corpus.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <unistd.h>

namespace {
constexpr int kMailUid = 65534;
}

QList<quint16> freePorts(int count)
{
    QList<QTcpServer *> servers;
    QList<quint16> ports;
    for (int i = 0; i < count; ++i) {
        auto *s = new QTcpServer;
        s->listen(QHostAddress::LocalHost, 0);
        ports.append(s->serverPort());
        servers.append(s);
    }
    qDeleteAll(servers);
    return ports;
}

DovecotFixture::DovecotFixture() = default;

DovecotFixture::~DovecotFixture()
{
    if (const QString e = stop(); !e.isEmpty())
        qWarning("%s", qPrintable(e));
}

QString DovecotFixture::run(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, arguments);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return program + QStringLiteral(" failed: ") + QString::fromLocal8Bit(p.readAll());
    return {};
}

QString DovecotFixture::makeCertificates()
{
    const QString ssl = m_dir.path() + QStringLiteral("/ssl/");
    QDir().mkpath(ssl);
    QFile ext(ssl + QStringLiteral("server.ext"));
    ext.open(QIODevice::WriteOnly);
    ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
              "keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n");
    ext.close();
    const QStringList ec = {QStringLiteral("-newkey"), QStringLiteral("ec"),
        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
        QStringLiteral("-nodes")};
    QString e = run(QStringLiteral("openssl"),
        QStringList {QStringLiteral("req"), QStringLiteral("-x509")} + ec
            + QStringList {QStringLiteral("-keyout"), ssl + QStringLiteral("ca.key"),
                QStringLiteral("-out"), ssl + QStringLiteral("ca.pem"), QStringLiteral("-days"),
                QStringLiteral("3650"), QStringLiteral("-subj"),
                QStringLiteral("/CN=POP3 Connector Test CA"), QStringLiteral("-addext"),
                QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
    if (e.isEmpty())
        e = run(QStringLiteral("openssl"),
            QStringList {QStringLiteral("req")} + ec
                + QStringList {QStringLiteral("-keyout"), ssl + QStringLiteral("server.key"),
                    QStringLiteral("-out"), ssl + QStringLiteral("server.csr"),
                    QStringLiteral("-subj"), QStringLiteral("/CN=localhost")});
    if (e.isEmpty())
        e = run(QStringLiteral("openssl"),
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                ssl + QStringLiteral("server.csr"), QStringLiteral("-CA"),
                ssl + QStringLiteral("ca.pem"), QStringLiteral("-CAkey"),
                ssl + QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                QStringLiteral("-out"), ssl + QStringLiteral("server.pem"), QStringLiteral("-days"),
                QStringLiteral("3650"), QStringLiteral("-extfile"),
                ssl + QStringLiteral("server.ext")});
    return e;
}

QString DovecotFixture::start(
    const QMap<QString, QString> &users, const QMap<QString, int> &quotaKb)
{
    if (!m_dir.isValid())
        return QStringLiteral("cannot create a temporary folder");
    if (!QFile::exists(QStringLiteral("/usr/sbin/dovecot")))
        return QStringLiteral(
            "Dovecot is not installed (apt-get install dovecot-pop3d dovecot-lmtpd)");
    const QString d = m_dir.path();
    // Dovecot's auth and login processes run as their own users and must reach the files here.
    QFile::setPermissions(d,
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
            | QFileDevice::ExeOther);
    for (const char *sub : {"run", "state", "mail", "home"})
        QDir().mkpath(d + u'/' + QLatin1String(sub));
    if (const QString e = makeCertificates(); !e.isEmpty())
        return e;

    QFile passwd(d + QStringLiteral("/users"));
    passwd.open(QIODevice::WriteOnly);
    for (auto it = users.cbegin(); it != users.cend(); ++it)
        passwd.write(it.key().toUtf8() + ":{PLAIN}" + it.value().toUtf8() + "::::::"
            + (quotaKb.contains(it.key())
                    ? "userdb_quota_rule=*:storage=" + QByteArray::number(quotaKb[it.key()]) + 'K'
                    : QByteArray())
            + '\n');
    passwd.close();

    const QList<quint16> ports = freePorts(3);
    m_pop3Port = ports[0];
    m_pop3sPort = ports[1];
    m_lmtpPort = ports[2];
    const QString conf = QStringLiteral(R"(instance_name = p3c-test-%1
base_dir = %2/run
state_dir = %2/state
log_path = %2/dovecot.log
info_log_path = %2/dovecot.log
protocols = pop3 lmtp
listen = 127.0.0.1
ssl = yes
ssl_cert = <%2/ssl/server.pem
ssl_key = <%2/ssl/server.key
ssl_dh = </usr/share/dovecot/dh.pem
disable_plaintext_auth = no
auth_mechanisms = plain login cram-md5
auth_failure_delay = 0
auth_username_format = %Ln
mail_location = maildir:%2/mail/%u
first_valid_uid = %3
last_valid_uid = %3
postmaster_address = postmaster@office.example
lmtp_save_to_detail_mailbox = no
recipient_delimiter =
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n %2/users
}
# Users come from the passwd-file too, so LMTP refuses an unknown recipient (550).
userdb {
  driver = passwd-file
  args = username_format=%n %2/users
  default_fields = uid=%3 gid=%3 home=%2/home/%n
}
service pop3-login {
  inet_listener pop3 {
    address = 127.0.0.1
    port = %4
  }
  inet_listener pop3s {
    # 127.0.0.2 is not in the certificate: a host name mismatch to test against
    address = 127.0.0.1, 127.0.0.2
    port = %5
    ssl = yes
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = %6
  }
}
service imap-login {
  inet_listener imap {
    port = 0
  }
  inet_listener imaps {
    port = 0
  }
}
)")
                             .arg(m_pop3Port)
                             .arg(d)
                             .arg(kMailUid)
                             .arg(m_pop3Port)
                             .arg(m_pop3sPort)
                             .arg(m_lmtpPort)
        + (quotaKb.isEmpty() ? QString()
                             : QStringLiteral("mail_plugins = $mail_plugins quota\n"
                                              "lmtp_rcpt_check_quota = yes\n"
                                              "plugin {\n  quota = maildir:User quota\n}\n"));
    QString text = conf;
    if (!m_introspectionUrl.isEmpty()) {
        QFile ext(d + QStringLiteral("/oauth2.conf.ext"));
        ext.open(QIODevice::WriteOnly);
        ext.write("introspection_mode = post\nintrospection_url = " + m_introspectionUrl.toUtf8()
            + "\nusername_attribute = username\nactive_attribute = active\n"
              "active_value = true\n");
        ext.close();
        text.replace(QStringLiteral("auth_mechanisms = plain login cram-md5"),
            QStringLiteral("auth_mechanisms = plain login cram-md5 xoauth2 oauthbearer"));
        text.replace(QStringLiteral("passdb {"),
            QStringLiteral("passdb {\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n"
                           "  args = %1/oauth2.conf.ext\n}\npassdb {")
                .arg(d));
    }
    QFile confFile(d + QStringLiteral("/dovecot.conf"));
    confFile.open(QIODevice::WriteOnly);
    confFile.write(text.toUtf8());
    confFile.close();
    if (const QString e = run(QStringLiteral("chown"),
            {QStringLiteral("-R"), QStringLiteral("65534:65534"), d + QStringLiteral("/mail"),
                d + QStringLiteral("/home")});
        !e.isEmpty())
        return e;
    // In the foreground (-F), so that the master is our child and its end is ours to see.
    m_master.setProcessChannelMode(QProcess::MergedChannels);
    m_master.setStandardOutputFile(d + QStringLiteral("/dovecot.out"));
    m_master.start(QStringLiteral("/usr/sbin/dovecot"),
        {QStringLiteral("-F"), QStringLiteral("-c"), confFile.fileName()});
    if (!m_master.waitForStarted(10000))
        return QStringLiteral("cannot run dovecot: ") + m_master.errorString();
    for (int i = 0; i < 200; ++i) {
        if (m_master.state() == QProcess::NotRunning) {
            m_master.waitForFinished(0);
            QFile out(d + QStringLiteral("/dovecot.out"));
            out.open(QIODevice::ReadOnly);
            return QStringLiteral("Dovecot ended at start (exit status %1):\n%2%3")
                .arg(m_master.exitCode())
                .arg(QString::fromLocal8Bit(out.readAll()), log());
        }
        QTcpSocket pop3;
        QTcpSocket lmtp;
        pop3.connectToHost(QHostAddress::LocalHost, m_pop3Port);
        lmtp.connectToHost(QHostAddress::LocalHost, m_lmtpPort);
        if (pop3.waitForConnected(100) && lmtp.waitForConnected(100))
            return {};
        m_master.waitForFinished(50);
    }
    const QString error = QStringLiteral("Dovecot did not start:\n") + log();
    stop();
    return error;
}

QString DovecotFixture::stop()
{
    if (m_master.state() == QProcess::NotRunning)
        return {};
    QString error;
    m_master.terminate();
    if (!m_master.waitForFinished(30000)) {
        error = QStringLiteral("Dovecot did not stop within 30 s; killed. ");
        m_master.kill();
        m_master.waitForFinished(10000);
    }
    // The master waits for its processes; anything still running in our folder escaped it.
    QList<qint64> left = processesUnder(m_dir.path());
    for (int i = 0; i < 100 && !left.isEmpty(); ++i) {
        QThread::msleep(50);
        left = processesUnder(m_dir.path());
    }
    if (!left.isEmpty()) {
        error += QStringLiteral("Dovecot left processes running; killed:");
        for (qint64 pid : std::as_const(left)) {
            error += u' ' + QString::number(pid);
            ::kill(pid_t(pid), SIGKILL);
        }
    }
    return error;
}

QString DovecotFixture::maildir(const QString &user) const
{
    return m_dir.path() + QStringLiteral("/mail/") + user;
}

QString DovecotFixture::addMessages(const QString &user, const QList<QByteArray> &messages)
{
    // Owned by the mail user before they appear in new/: Dovecot may move them on at once.
    const QString e = writeMaildir(messages, maildir(user), 100000 + m_added, kMailUid);
    m_added += int(messages.size());
    return e;
}

int DovecotFixture::messageCount(const QString &user) const
{
    const QString md = maildir(user);
    return int(QDir(md + QStringLiteral("/new")).entryList(QDir::Files).size()
        + QDir(md + QStringLiteral("/cur")).entryList(QDir::Files).size());
}

void DovecotFixture::clearMailbox(const QString &user)
{
    const QString md = maildir(user);
    for (const char *sub : {"/new", "/cur"}) {
        QDir dir(md + QLatin1String(sub));
        for (const QString &f : dir.entryList(QDir::Files))
            dir.remove(f);
    }
}

QString DovecotFixture::log() const
{
    QFile f(m_dir.path() + QStringLiteral("/dovecot.log"));
    f.open(QIODevice::ReadOnly);
    return QString::fromUtf8(f.readAll().right(4000));
}
