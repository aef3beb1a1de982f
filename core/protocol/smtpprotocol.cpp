#include "protocol/smtpprotocol.h"

#include <cstring>

namespace Pop3Connector {

std::optional<SmtpReplyLine> parseSmtpReplyLine(QByteArrayView line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.size() < 3)
        return std::nullopt;
    for (int i = 0; i < 3; ++i) {
        if (line[i] < '0' || line[i] > '9')
            return std::nullopt;
    }
    if (line[0] < '2' || line[0] > '5')
        return std::nullopt;
    SmtpReplyLine r;
    r.code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
    if (line.size() == 3)
        return r;
    if (line[3] == '-')
        r.last = false;
    else if (line[3] != ' ')
        return std::nullopt;
    r.text = line.sliced(4).toByteArray();
    return r;
}

QByteArray SmtpReply::text() const
{
    QByteArray out = QByteArray::number(code);
    for (const QByteArray &l : lines)
        out += ' ' + l;
    return out;
}

SmtpExtensions parseEhloReply(const SmtpReply &reply)
{
    SmtpExtensions e;
    // The first line is the greeting; each further line names one extension.
    for (qsizetype i = 1; i < reply.lines.size(); ++i) {
        const QList<QByteArray> words = reply.lines[i].simplified().split(' ');
        const QByteArray name = words.value(0).toUpper();
        if (name == "PIPELINING")
            e.pipelining = true;
        else if (name == "STARTTLS")
            e.startTls = true;
        else if (name == "8BITMIME")
            e.eightBitMime = true;
        else if (name == "SMTPUTF8")
            e.smtpUtf8 = true;
        else if (name == "SIZE")
            e.size = words.size() > 1 ? words[1].toLongLong() : 0;
        else if (name == "AUTH") {
            for (qsizetype w = 1; w < words.size(); ++w)
                e.auth.append(words[w].toUpper());
        }
    }
    return e;
}

void DataEncoder::encode(QByteArrayView chunk, QByteArray &out)
{
    out.reserve(out.size() + chunk.size() + chunk.size() / 64 + 8);
    const char *p = chunk.data();
    const char *const end = p + chunk.size();
    while (p < end) {
        if (m_pendingCr) {
            // A CR that ended the previous chunk.
            m_pendingCr = false;
            if (*p == '\n') {
                out += "\r\n";
                m_lineStart = true;
                ++p;
                continue;
            }
            out += '\r';
            m_lineStart = false;
        }
        if (m_lineStart && *p == '.')
            out += '.';
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        if (!nl) {
            const char *stop = end;
            if (end[-1] == '\r') {
                m_pendingCr = true;
                --stop;
            }
            out.append(p, stop - p);
            m_lineStart = m_lineStart && stop == p;
            p = end;
            break;
        }
        if (nl > p && nl[-1] == '\r') {
            out.append(p, nl + 1 - p);
        } else {
            out.append(p, nl - p); // a bare LF becomes CRLF
            out += "\r\n";
        }
        m_lineStart = true;
        p = nl + 1;
    }
}

void DataEncoder::finish(QByteArray &out)
{
    if (m_pendingCr) {
        out += '\r';
        m_pendingCr = false;
        m_lineStart = false;
    }
    if (!m_lineStart)
        out += "\r\n";
    out += ".\r\n";
    m_lineStart = true;
}

bool hasEightBit(QByteArrayView bytes)
{
    for (char c : bytes) {
        if (static_cast<unsigned char>(c) > 127)
            return true;
    }
    return false;
}

} // namespace Pop3Connector
