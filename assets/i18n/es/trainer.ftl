# El área del formador: la biblioteca de escenarios con su estado de validación, los
# diagnósticos, el grafo (graph-…) con los detalles de cada nodo y la prueba.
# Los ids de nodo, las rutas, los mensajes propios de los diagnósticos y los tipos de
# nodo tal como se escriben en el archivo (Line, Choice, FreeText, Ending) se muestran
# tal cual.

## El área y la biblioteca

trainer-heading = Área del formador
trainer-new-scenario = Nuevo escenario
trainer-new-scenario-hover = Escribe en tu carpeta un escenario válido y comentado, listo para editar
trainer-reload = Recargar ahora
trainer-reload-hover = De todos modos, los archivos guardados se recogen en menos de un segundo
trainer-lock = Bloquear
trainer-lock-hover = Salir del área del formador
trainer-folder = Tu carpeta: { $folder }. Guarda ahí un archivo con cualquier editor y se comprobará y se recargará aquí.
trainer-pick-scenario = Elige un escenario a la izquierda o pulsa Nuevo escenario para escribir uno.
trainer-scenarios = Escenarios
trainer-scenarios-count = { $playable ->
        [one] { $playable } jugable
       *[other] { $playable } jugables
    }, { $broken } con errores
# Un archivo con errores en la lista: su nombre y cuántos tiene.
trainer-file-broken =
    { $name }
    { $errors ->
        [one] { $errors } error: no se puede jugar
       *[other] { $errors } errores: no se puede jugar
    }
# Un escenario en la lista: su título, y después trainer-state-… y trainer-origin-….
trainer-entry =
    { $title }
    { $state } ({ $origin })
trainer-state-ok = Correcto
trainer-state-warnings = { $count ->
        [one] { $count } aviso
       *[other] { $count } avisos
    }
trainer-origin-built-in = integrado
trainer-origin-overrides = tu carpeta; sustituye al integrado
trainer-origin-folder = tu carpeta
# $severity es "error" o "warning"; $message viene del validador.
trainer-diagnostic = { $file }:{ $line }:{ $col }: { $severity ->
        [error] error
       *[warning] aviso
    }: { $message }
trainer-diagnostic-help = { $file }:{ $line }:{ $col }: { $severity ->
        [error] error
       *[warning] aviso
    }: { $message } ({ $help })
trainer-diagnostic-show-node = Mostrar el nodo `{ $node }` en el grafo
trainer-diagnostic-open-file = Abrir el archivo en tu editor
trainer-diagnostic-whole = Sobre el escenario en su conjunto
trainer-file-broken-explained = Este archivo tiene errores, así que queda fuera de la biblioteca hasta que se corrijan. Guarda el archivo corregido y volverá aquí por sí solo.

## Un escenario

trainer-about = id { $id } · versión { $version } · { $origin } · { $nodes ->
        [one] { $nodes } nodo
       *[other] { $nodes } nodos
    }
trainer-open-in-editor = Abrir en el editor
trainer-open-in-editor-hover = Abre el archivo en el editor predeterminado de tu sistema
trainer-copy = Hacer una copia editable
trainer-copy-hover = Copia este escenario integrado en tu carpeta; tu copia lo sustituye
trainer-tab-graph = Grafo
trainer-tab-playtest = Prueba
trainer-tab-problems = Problemas ({ $count })
trainer-no-problems = Sin problemas: este escenario es válido.
trainer-counts-loading = Contando las elecciones de los aprendices...
trainer-counts-failed = No se pudieron contar las elecciones de los aprendices: { $error }
trainer-counts-ready = { $attempts ->
        [one] El grosor de las flechas refleja { $attempts } intento: la proporción de aprendices que eligió cada respuesta.
       *[other] El grosor de las flechas refleja { $attempts } intentos: la proporción de aprendices que eligió cada respuesta.
    }
trainer-counts-none = Aún no hay intentos en este escenario: el mapa de calor aparece cuando los aprendices lo juegan.

## Un nodo

trainer-node-heading = Nodo
trainer-node-pick = Nodo:
trainer-playtest-from-node = Probar desde este nodo
trainer-playtest-from-node-hover = Juega desde aquí viendo ids, niveles, ánimo y lealtad
trainer-problems-here = Problemas aquí
trainer-node-customer = El cliente ({ $emotion }):
trainer-node-next = Siguiente: `{ $next }`
# $mood lleva signo: "+20", "-5".
trainer-node-choice = Ánimo { $mood }; siguiente `{ $next }`
trainer-node-choice-taken = Ánimo { $mood }; siguiente `{ $next }`; la eligió el { $percent } % de { $total }
trainer-node-trap = Trampa: { $trap }
trainer-node-facts = Hechos: { $facts }
trainer-node-facts-none = Hechos: ninguno indicado
trainer-node-branch = Global { $score }+ lleva a `{ $next }`
trainer-node-intends = Resultado previsto: { $outcome }
trainer-model-answer = Respuesta modelo

## La prueba

trainer-playtest-how = Elige un nodo en la pestaña Grafo y pulsa Probar desde este nodo, o empieza por el principio.
trainer-playtest-start = Probar desde el principio
trainer-playtest-from = Prueba desde `{ $node }`
trainer-playtest-back = Paso atrás
trainer-playtest-back-hover = Deshacer el último paso (Ctrl+Z)
trainer-playtest-restart = Reiniciar
trainer-playtest-stop = Detener la prueba
# $kind: el tipo de nodo tal como se escribe en el archivo del escenario.
trainer-playtest-now-at = Ahora en `{ $node }` ({ $kind })
trainer-show-in-graph = Mostrar en el grafo
trainer-mood = Ánimo { $value } / 100
trainer-loyalty = Lealtad { $value } / 100
trainer-thresholds = (perdido por debajo de { $lost }, defensor por encima de { $advocate })
trainer-last-reply = Tu última respuesta, en `{ $node }`
trainer-last-reply-moved = Ánimo de { $before } a { $after }; lealtad ahora { $loyalty }
trainer-customer-says = { $name } ({ $emotion }):
trainer-continue = Continuar
trainer-choice-levels = Escucha { $listening }, responsabilidad { $ownership }, superar expectativas { $exceeding }; ánimo { $mood }; siguiente `{ $next }`
trainer-choice-levels-trap = Escucha { $listening }, responsabilidad { $ownership }, superar expectativas { $exceeding }; ánimo { $mood }; siguiente `{ $next }`; trampa: { $trap }
# Una rama de una respuesta escrita; trainer-branches las une con comas.
trainer-band = { $score }+ a `{ $next }`
trainer-branches = Ramas según la puntuación global: { $branches }
trainer-send = Enviar
trainer-ended = Terminó en `{ $ending }`: { $outcome } (el final prevé { $intended }).
trainer-ended-scores = Global { $overall }; escucha { $listening }, responsabilidad { $ownership }, superar expectativas { $exceeding }. Lealtad final { $loyalty }.

## El grafo

graph-zoom-in = Acercar
graph-zoom-in-hover = O Ctrl + rueda, o +
graph-zoom-out = Alejar
graph-zoom-out-hover = O Ctrl + rueda, o -
graph-fit = Ajustar
graph-fit-hover = Mostrar el grafo entero (0)
graph-legend = Discontinuo: inalcanzable. Borde rojo: sin salida. Flecha más gruesa: la eligieron más aprendices.
graph-described = { $nodes ->
        [one] Grafo de { $nodes } nodo.
       *[other] Grafo de { $nodes } nodos.
    } Arrastra para desplazarte, Ctrl y la rueda para acercar o alejar; elige un nodo en la lista Nodo para leerlo.
# El pie de un nodo en su recuadro.
graph-line = Línea, { $emotion }
graph-choice = { $replies ->
        [one] Elección, { $replies } respuesta
       *[other] Elección, { $replies } respuestas
    }
graph-typed-reply = Respuesta escrita
graph-ending = Final: { $outcome }
graph-unreachable = { $kind } (inalcanzable)
graph-dead-end = { $kind } (sin salida)
# La proporción de aprendices que eligió una respuesta, sobre su flecha.
graph-share = { $percent } %
