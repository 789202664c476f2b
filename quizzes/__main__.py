from quizzes.cli import main

main()
