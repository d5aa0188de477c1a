// k6/x/tcp, the "Basic usage" example of k6's documentation, unchanged: connect, log, destroy, wait for close.
//
//   testbed/run                                          # another terminal: TCP echo on 127.0.0.1:16000
//   ./k6j run -e TCP_HOST=127.0.0.1 -e TCP_PORT=16000 examples/tcp-basic.js
//
// docs/modules/tcp.md explains the module.
import { Socket } from "k6/x/tcp"

export default async function () {
  const socket = new Socket()

  const closed = new Promise((resolve) => {
    socket.on("close", () => {
      console.log("Connection closed")
      resolve()
    })
  })

  socket.on("error", (err) => {
    console.error("Error:", err)
  })

  const host = __ENV.TCP_HOST || "localhost"
  const port = __ENV.TCP_PORT || "8080"

  await socket.connect(port, host)
  console.log("Connected")
  socket.destroy()

  await closed
}
