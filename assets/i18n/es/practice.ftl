# El bloc de práctica: responde a cualquier frase de un cliente y mira las puntuaciones
# mientras escribes.

practice-title = Bloc de práctica
practice-explain = Elige cualquier frase de un cliente, escribe una respuesta y mira cómo cambian las puntuaciones mientras escribes. No se guarda nada.
practice-empty = La biblioteca está vacía, así que no hay frases de clientes que responder.
practice-scenario = Escenario
practice-line = Frase del cliente
practice-line-of = Frase { $line } de { $count }
practice-no-lines = Este escenario no tiene frases del cliente.
practice-says = { $name } dice:
practice-leads-to-typed = Esta frase lleva a un turno de respuesta escrita: también se usan sus pistas.
practice-reply = Tu respuesta:
practice-reply-hint = Escribe una respuesta al cliente
practice-start-typing = Empieza a escribir para ver tus puntuaciones.
# Números enteros ya formateados.
practice-scores = Puntuaciones: escucha { $listening }, responsabilidad { $ownership }, superar expectativas { $exceeding } (global { $overall })
