from briefing.launch import run

run()
