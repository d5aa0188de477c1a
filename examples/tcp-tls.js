// k6/x/tcp, the "TLS connection" example of k6's documentation: a request over TLS, the first 100 bytes of the
// answer, then destroy. The function is unchanged; the options only point example.com:443 at the testbed's TLS
// echo server (k6's `hosts` option) and accept its self-signed certificate.
//
//   testbed/run                                          # another terminal: TLS echo on 127.0.0.1:16001
//   ./k6j run examples/tcp-tls.js                    # logs "Received: GET / HTTP/1.1 ..." (the echo)
//
// docs/modules/tcp.md explains the module.
import { Socket } from "k6/x/tcp"

export const options = {
  hosts: { "example.com:443": `127.0.0.1:${__ENV.TLS_PORT || 16001}` },
  insecureSkipTLSVerify: true,
}

export default async function () {
  const socket = new Socket()

  const closed = new Promise((resolve) => {
    socket.on("close", resolve)
  })

  socket.on("data", (data) => {
    const response = String.fromCharCode.apply(null, new Uint8Array(data))
    console.log("Received:", response.substring(0, 100))
    socket.destroy()
  })

  socket.on("error", (err) => {
    console.error("Error:", err)
  })

  const host = __ENV.TLS_HOST || "example.com"

  await socket.connect({ port: 443, host, tls: true })
  await socket.write(`GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)

  await closed
}
