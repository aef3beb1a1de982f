#include "corpus.h"

#include "protocol/mimeparser.h"

#include <QDir>
#include <QFile>

#include <cmath>
#include <random>
#include <unistd.h>

namespace {

const char *const kWords[] = {
    "invoice",
    "meeting",
    "report",
    "quarterly",
    "budget",
    "server",
    "release",
    "schedule",
    "review",
    "customer",
    "shipment",
    "attached",
    "please",
    "find",
    "regards",
    "update",
    "ticket",
    "backup",
    "network",
    "outage",
    "the",
    "of",
    "and",
    "to",
    "for",
    "with",
    "this",
};
const char *const kNames[] = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};
// ISO-2022-JP bytes and encoded words of a few everyday office phrases.
const char *const kJisLines[] = {
    "\x1b$B$*@$OC$K$J$C$F$*$j$^$9!#\x1b(B",
    "\x1b$B2q5D$N5D;vO?$rE:IU$7$^$9!#\x1b(B",
    "\x1b$B8+@Q=q$r$43NG'$/$@$5$$!#\x1b(B",
};
const char *const kEncodedSubjects[] = {
    "=?iso-2022-jp?b?GyRCJCpAJE9DJEskSiRDJEYkKiRqJF4kOSEjGyhC?=",
    "=?iso-2022-jp?b?GyRCMnE1RCRONUQ7dk8/JHJFOklVJDckXiQ5ISMbKEI=?=",
    "=?utf-8?b?44GK5LiW6Kmx44Gr44Gq44Gj44Gm44GK44KK44G+44GZ44CC?=",
    "=?utf-8?b?6KaL56mN5pu444KS44GU56K66KqN44GP44Gg44GV44GE44CC?=",
};
const char *const kAwkwardLines[] = {
    ".",
    "..",
    ".leading dot",
    "From the desk of the director",
    ">From quoted",
    "",
};

class Generator
{
public:
    explicit Generator(quint64 seed)
        : m_rng(seed)
    { }
    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    double real() { return std::uniform_real_distribution<double>(0, 1)(m_rng); }
    template<typename T, size_t N>
    const T &pick(const T (&a)[N])
    {
        return a[uniform(0, int(N) - 1)];
    }
    qint64 logUniform(qint64 lo, qint64 hi)
    {
        return qint64(std::exp(
            std::log(double(lo)) + real() * (std::log(double(hi)) - std::log(double(lo)))));
    }
    QByteArray textLine()
    {
        if (real() < 0.03)
            return pick(kAwkwardLines);
        QByteArray line;
        const int target = real() < 0.01 ? uniform(200, 2000) : uniform(20, 76);
        while (line.size() < target) {
            if (!line.isEmpty())
                line += ' ';
            line += pick(kWords);
        }
        return line;
    }
    QByteArray text(qint64 bytes)
    {
        QByteArray out;
        while (out.size() < bytes)
            out += textLine() + '\n';
        return out;
    }
    QByteArray binary(qint64 bytes)
    {
        QByteArray out(bytes, Qt::Uninitialized);
        for (qint64 i = 0; i < bytes; ++i)
            out[i] = char(m_rng() & 0xff);
        return out;
    }

private:
    std::mt19937_64 m_rng;
};

QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray b64 = data.toBase64();
    QByteArray out;
    out.reserve(b64.size() + b64.size() / 76 + 2);
    for (qsizetype i = 0; i < b64.size(); i += 76)
        out += b64.mid(i, 76) + '\n';
    return out;
}

} // namespace

QList<QByteArray> makeCorpus(const CorpusOptions &o)
{
    Generator g(o.seed);
    QList<QByteArray> out;
    const int big = o.bigMessageBytes > 0 ? g.uniform(0, std::max(0, o.count - 1)) : -1;
    for (int i = 0; i < o.count; ++i) {
        qint64 size;
        const double band = g.real();
        if (i == big)
            size = o.bigMessageBytes;
        else if (band < 0.88)
            size = g.logUniform(2'000, 20'000);
        else if (band < 0.98)
            size = g.logUniform(20'000, 100'000);
        else
            size = g.logUniform(100'000, std::max<qint64>(100'001, o.maxBytes));
        if (i != big)
            size = std::min(size, std::max<qint64>(o.maxBytes, 2'000));

        const QByteArray from = g.pick(kNames);
        const QByteArray to = g.pick(kNames);
        const QByteArray domain = o.recipientDomain.toLatin1();
        QByteArray h;
        h += "Received: from mx" + QByteArray::number(i % 7)
            + ".origin.example (mx.origin.example "
              "[192.0.2."
            + QByteArray::number(i % 250 + 1)
            + "])\n\tby pop.isp.example with "
              "ESMTPS id "
            + QByteArray::number(i, 16) + "; Tue, 14 Nov 2023 10:00:00 +0000\n";
        h += "From: " + from + " <" + from + "@origin.example>\n";
        h += "To: " + to + " <" + to + '@' + domain + ">\n";
        if (g.real() < 0.3)
            h += "Cc: " + QByteArray(g.pick(kNames)) + '@' + domain
                + ", partner@elsewhere.example\n";
        const double subjectKind = g.real();
        if (subjectKind < 0.25)
            h += "Subject: " + QByteArray(g.pick(kEncodedSubjects)) + " #" + QByteArray::number(i)
                + '\n';
        else
            h += "Subject: " + QByteArray(g.pick(kWords)) + ' ' + g.pick(kWords) + " #"
                + QByteArray::number(i) + '\n';
        h += "Date: Tue, 14 Nov 2023 10:" + QByteArray::number(10 + i / 60 % 50) + ':'
            + QByteArray::number(10 + i % 50) + " +0000\n";
        h += "Message-ID: <corpus." + QByteArray::number(o.seed) + '.' + QByteArray::number(i)
            + "@origin.example>\n";
        h += "MIME-Version: 1.0\n";

        const qint64 budget = std::max<qint64>(size - h.size() - 200, 100);
        const double kind = g.real();
        QByteArray body;
        if (size >= 20'000 || kind < 0.15) {
            const QByteArray boundary =
                "b" + QByteArray::number(o.seed) + 'x' + QByteArray::number(i);
            const QByteArray text = g.text(std::min<qint64>(budget / 4, 4000));
            const QByteArray attachment = base64Lines(g.binary((budget - text.size()) * 3 / 4));
            h += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\n";
            body = "This is a multi-part message in MIME format.\n\n--" + boundary
                + "\nContent-Type: text/plain; charset=us-ascii\n\n" + text + "\n--" + boundary
                + "\nContent-Type: application/octet-stream; name=\"file" + QByteArray::number(i)
                + ".bin\"\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; "
                  "filename=\"file"
                + QByteArray::number(i) + ".bin\"\n\n" + attachment + "\n--" + boundary + "--\n";
        } else if (kind < 0.25) {
            h += "Content-Type: text/plain; charset=ISO-2022-JP\nContent-Transfer-Encoding: 7bit\n";
            while (body.size() < budget)
                body += QByteArray(g.pick(kJisLines)) + '\n';
        } else {
            h += "Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 7bit\n";
            body = g.text(budget);
        }
        out.append(h + '\n' + body);
    }
    return out;
}

QByteArray toWireForm(const QByteArray &lf)
{
    QByteArray out = lf;
    out.replace("\n", "\r\n");
    return out;
}

QByteArray messageId(const QByteArray &message)
{
    // At the start of the message or of a line.
    const QByteArray field = "Message-ID: ";
    qsizetype at = 0;
    if (!message.startsWith(field)) {
        at = message.indexOf('\n' + field);
        if (at < 0)
            return {};
        ++at;
    }
    const qsizetype end = message.indexOf('\n', at);
    return message.mid(at + field.size(), end < 0 ? -1 : end - at - field.size()).trimmed();
}

QByteArray withoutDeliveryTrace(const QByteArray &delivered, QString *problem)
{
    const QByteArray mark = QByteArray(
        Pop3Connector::MimeParser::kTraceMark.data(), Pop3Connector::MimeParser::kTraceMark.size());
    const struct
    {
        QByteArray name;
        QByteArray contains;
        bool optional;
    } added[] = {{"Return-Path: <", ">\n", false}, {"Delivered-To: ", "@", true},
        {"Received: ", " with LMTP\n", false},
        {"Received: ", ' ' + mark + " with POP3 id ", false}};
    qsizetype at = 0;
    for (const auto &field : added) {
        // A field runs on over the lines that start with white space.
        qsizetype end = delivered.indexOf('\n', at);
        while (end >= 0 && end + 1 < delivered.size()
            && (delivered.at(end + 1) == ' ' || delivered.at(end + 1) == '\t'))
            end = delivered.indexOf('\n', end + 1);
        if (end < 0) {
            *problem = QStringLiteral("the header ends before %1").arg(QLatin1String(field.name));
            return {};
        }
        const QByteArray text = delivered.mid(at, end + 1 - at);
        if (!text.startsWith(field.name) || !text.contains(field.contains)) {
            if (field.optional)
                continue;
            *problem = QStringLiteral("expected %1...%2... at byte %3, found %4")
                           .arg(QLatin1String(field.name), QLatin1String(field.contains))
                           .arg(at)
                           .arg(QString::fromLatin1(text.left(200)));
            return {};
        }
        at = end + 1;
    }
    return delivered.mid(at);
}

QString writeMaildir(
    const QList<QByteArray> &messages, const QString &maildir, int firstIndex, int owner)
{
    for (const QString &folder : {maildir, maildir + QStringLiteral("/new"),
             maildir + QStringLiteral("/cur"), maildir + QStringLiteral("/tmp")}) {
        if (!QDir().mkpath(folder))
            return QStringLiteral("cannot create ") + folder;
        if (owner >= 0 && ::chown(QFile::encodeName(folder).constData(), owner, owner) != 0)
            return QStringLiteral("cannot chown ") + folder;
    }
    for (int i = 0; i < messages.size(); ++i) {
        const QByteArray &m = messages[i];
        const qint64 wire = m.size() + m.count('\n');
        const QString name = QStringLiteral("%1.M%2P1.corpus,S=%3,W=%4")
                                 .arg(1700000000 + firstIndex + i)
                                 .arg(firstIndex + i)
                                 .arg(m.size())
                                 .arg(wire);
        QFile f(maildir + QStringLiteral("/tmp/") + name);
        if (!f.open(QIODevice::WriteOnly) || f.write(m) != m.size() || !f.flush())
            return QStringLiteral("cannot write ") + f.fileName();
        if (owner >= 0 && ::fchown(f.handle(), owner, owner) != 0)
            return QStringLiteral("cannot chown ") + f.fileName();
        f.close();
        if (!f.rename(maildir + QStringLiteral("/new/") + name))
            return QStringLiteral("cannot move %1 into new/: %2")
                .arg(f.fileName(), f.errorString());
    }
    return {};
}
