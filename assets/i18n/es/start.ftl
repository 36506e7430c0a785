# La pantalla de inicio: elegir o crear un perfil de aprendiz, y el acceso a las áreas
# del responsable y del formador.

start-tagline = Practica cómo convertir a un cliente disgustado en un cliente fiel.
start-who = ¿Quién va a practicar?
start-no-trainees = Todavía no hay aprendices. Crea tu perfil a la derecha para empezar.
start-find = Busca tu nombre:
start-find-hint = escribe una parte
start-nobody-called = Todavía no hay nadie llamado «{ $name }». Crea el perfil a la derecha.
start-continue-as = Continuar como este aprendiz
start-new-trainee = Nuevo aprendiz
start-your-name = Tu nombre:
start-your-name-hint = p. ej., Sam Patel
start-create = Crear perfil
start-managers = Responsables
start-managers-explain = Consulta el historial de cada aprendiz y del grupo, y exporta informes.
start-manager-area = Área del responsable
start-manager-area-hover = Requiere el PIN del responsable
start-trainers = Formadores
start-trainers-explain = Escribe escenarios, revisa sus problemas y su grafo, y pruébalos.
start-trainer-area = Área del formador
start-trainer-area-hover = Requiere el PIN del formador o el del responsable
